package org.atrium.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.security.Caller;
import org.atrium.api.webhook.Webhook;
import org.atrium.api.webhook.WebhookAttempt;
import org.atrium.api.webhook.WebhookService;

/**
 * atrium:webhooks - every webhook subscription with its state, last delivery and failures, or the
 * delivery log of one ({@code --deliveries ID}). Reads through WebhookService as a platform
 * administrator, the console's role.
 */
@Service
@Command(scope = "atrium", name = "webhooks", description = "Lists webhook subscriptions, or one subscription's delivery log")
public class WebhooksCommand extends AtriumCommand {
    private static final Caller CONSOLE = Caller.of("karaf-console", Caller.ADMIN);

    @Reference
    private WebhookService webhooks;

    @Option(name = "-d", aliases = "--deliveries", description = "the delivery log of this subscription (its id)")
    private Long deliveries;

    @Option(name = "-l", aliases = "--limit", description = "how many attempts of the log (1 to 500, default 50)")
    private int limit = 50;

    @Override
    protected Object run() throws Exception {
        if (deliveries != null) {
            printAttempts(webhooks.attempts(CONSOLE, deliveries, limit));
        } else {
            printSubscriptions(webhooks.list(CONSOLE));
        }
        return null;
    }

    private static void printSubscriptions(List<Webhook> rows) {
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "URL", "Events", "Department", "Owner", "State", "Failures", "Last delivery", "Last outcome")) {
            table.column(column);
        }
        for (Webhook w : rows) {
            table.addRow().addContent(w.id(), w.url(), String.join(",", w.events()), w.department() == null ? "(all)" : w.department(),
                    w.ownerDepartment() == null ? "(platform)" : w.ownerDepartment(), w.enabled() ? "enabled" : "DISABLED",
                    w.consecutiveFailures(), w.lastDeliveryAt() == null ? "" : w.lastDeliveryAt(),
                    w.lastOutcome() == null ? "" : w.lastOutcome());
        }
        table.print(System.out);
        if (rows.isEmpty()) {
            System.out.println("No webhook subscriptions.");
        }
        rows.stream().filter(w -> !w.enabled() && w.disabledReason() != null)
                .forEach(w -> System.out.println("Webhook " + w.id() + ": " + w.disabledReason()));
    }

    private static void printAttempts(List<WebhookAttempt> rows) {
        ShellTable table = new ShellTable();
        for (String column : List.of("Time", "Delivery", "Event", "Ticket", "Attempt", "Status", "Error", "Duration (ms)")) {
            table.column(column);
        }
        for (WebhookAttempt a : rows) {
            table.addRow().addContent(a.at(), a.delivery(), a.eventType(), a.ticket() == null ? "" : a.ticket(), a.attempt(),
                    a.httpStatus() == null ? "" : a.httpStatus(), a.error() == null ? "" : a.error(), a.durationMillis());
        }
        table.print(System.out);
        if (rows.isEmpty()) {
            System.out.println("No deliveries yet.");
        }
    }
}
