package org.atrium.core.internal.mail.out;

import java.util.Map;

/**
 * The configuration {@code org.atrium.mail} ({@code etc/org.atrium.mail.cfg}): the SMTP server, the
 * sender, the mailbox replies go to (inbound mail reads it) and the portal address for links.
 * Disabled (the shipped default): events write no mails and nothing is sent.
 */
public record MailSettings(boolean enabled, String host, int port, String user, String password, boolean starttls, String from,
        String replyMailbox, String portalUrl, String apiUrl) {
    public static final String PID = "org.atrium.mail";
    public static final MailSettings DISABLED = new MailSettings(false, "localhost", 25, null, null, false, "atrium@localhost",
            "support@localhost", "http://localhost:8181/portal/", "http://localhost:8181/api/v1");

    /** Reads the configuration's properties; a bad port or a missing address is an IllegalArgumentException naming the key. */
    public static MailSettings of(Map<String, ?> properties) {
        boolean enabled = Boolean.parseBoolean(text(properties, "enabled", "false"));
        String host = text(properties, "smtp.host", "localhost");
        int port;
        try {
            port = Integer.parseInt(text(properties, "smtp.port", "25"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smtp.port: not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("smtp.port: must be 1 to 65535");
        }
        String from = address(properties, "from", "atrium@localhost");
        String replyMailbox = address(properties, "replyMailbox", from);
        String portalUrl = withSlash(text(properties, "portalUrl", "http://localhost:8181/portal/"));
        String apiUrl = text(properties, "apiUrl", portalUrl.replaceFirst("/portal/?$", "") + "/api/v1");
        return new MailSettings(enabled, host, port, blankToNull(text(properties, "smtp.user", "")),
                blankToNull(text(properties, "smtp.password", "")), Boolean.parseBoolean(text(properties, "smtp.starttls", "false")), from,
                replyMailbox, portalUrl, apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
    }

    /** The domain of the sender's address, for Message-IDs. */
    public String domain() {
        return from.substring(from.lastIndexOf('@') + 1);
    }

    private static String address(Map<String, ?> properties, String key, String fallback) {
        String value = text(properties, key, fallback);
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.contains(" ")) {
            throw new IllegalArgumentException(key + ": not a mail address: " + value);
        }
        return value;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String text(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "MailSettings[enabled=" + enabled + ", smtp=" + host + ":" + port + ", user=" + user + ", starttls=" + starttls
                + ", from=" + from + ", replyMailbox=" + replyMailbox + "]";
    }
}
