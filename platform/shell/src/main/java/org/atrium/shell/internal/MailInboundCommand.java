package org.atrium.shell.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * atrium:mail-inbound - the inbound mailbox at a glance: its configuration (never the password), what
 * became of the mails of the last day, the latest ones, and those waiting for another attempt. Read
 * from the database (table inbound_mail), so it shows every node's work.
 */
@Service
@Command(scope = "atrium", name = "mail-inbound", description = "Shows the inbound mailbox: configuration, outcomes, latest mails and failures")
public class MailInboundCommand extends AtriumCommand {
    private static final String PID = "org.atrium.mail.inbound";

    @Reference(filter = "(osgi.jndi.service.name=atrium)")
    private DataSource database;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Option(name = "--limit", description = "how many of the latest mails to list (1 to 200, default 20)")
    private int limit = 20;

    @Override
    protected Object run() throws Exception {
        if (limit < 1 || limit > 200) {
            throw mistake("--limit must be from 1 to 200");
        }
        printConfiguration();
        try (Connection connection = database.getConnection()) {
            printOutcomes(connection);
            printLatest(connection);
        }
        return null;
    }

    private void printConfiguration() throws Exception {
        Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + PID + ")");
        Dictionary<String, Object> properties = found == null ? null : found[0].getProperties();
        if (properties == null || !"true".equalsIgnoreCase(String.valueOf(properties.get("enabled")))) {
            System.out.println("Inbound mail: off (etc/" + PID + ".cfg: enabled = false)");
            return;
        }
        boolean ssl = !"false".equalsIgnoreCase(String.valueOf(properties.get("imap.ssl")));
        System.out.printf("Inbound mail: on, %s://%s@%s:%s/%s every %s s, processed mails %s; unknown senders: %s%n",
                ssl ? "imaps" : "imap", properties.get("user"), properties.get("imap.host"), properties.get("imap.port"),
                value(properties, "folder", "INBOX"), value(properties, "pollSeconds", "60"),
                properties.get("processedFolder") == null || String.valueOf(properties.get("processedFolder")).isBlank()
                        ? "flagged as read" : "moved to " + properties.get("processedFolder"),
                value(properties, "unknownSenders", "reject"));
        for (String key : Collections.list(properties.keys())) {
            if (key.startsWith("address.")) {
                System.out.printf("  %s -> %s%n", key.substring("address.".length()), properties.get(key));
            }
        }
    }

    private static void printOutcomes(Connection connection) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT state, outcome, COUNT(*) FROM inbound_mail WHERE claimed_at >= ? GROUP BY state, outcome")) {
            query.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = "done".equals(rows.getString(1)) ? rows.getString(2) : rows.getString(1);
                    counts.merge(name, rows.getInt(3), Integer::sum);
                }
            }
        }
        System.out.println("Last 24 hours: " + (counts.isEmpty() ? "no mail" : counts.toString().replaceAll("[{}]", "").replace('=', ' ')));
    }

    private void printLatest(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT claimed_at, state, outcome, ticket_key, sender, attempts, detail,"
                + " message_id FROM inbound_mail ORDER BY claimed_at DESC")) {
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                System.out.printf("%-20s %-10s %-10s %-28s %-4s %s%n", "RECEIVED (UTC)", "OUTCOME", "TICKET", "SENDER", "TRY", "DETAIL");
                while (rows.next()) {
                    String outcome = "done".equals(rows.getString(2)) ? rows.getString(3) : rows.getString(2);
                    String detail = rows.getString(7) != null ? rows.getString(7) : rows.getString(8);
                    System.out.printf("%-20s %-10s %-10s %-28s %-4d %s%n", rows.getTimestamp(1).toInstant().toString().substring(0, 19),
                            outcome, dash(rows.getString(4)), dash(rows.getString(5)), rows.getInt(6), dash(detail));
                }
            }
        }
    }

    private static Object value(Dictionary<String, Object> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null || String.valueOf(value).isBlank() ? fallback : value;
    }

    private static String dash(String text) {
        return text == null ? "-" : text;
    }
}
