package org.atrium.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.notification.MailQueue;
import org.atrium.api.notification.MailQueueReport;

/**
 * atrium:mail - the outgoing mail queue: how many mails wait, failed and went out, and the mails with
 * a problem (the last error of each); {@code --retry ID} sends a pending or failed mail again at once.
 */
@Service
@Command(scope = "atrium", name = "mail", description = "Shows the outgoing mail queue and its failures; --retry ID sends one again")
public class MailCommand extends AtriumCommand {
    @Reference
    private MailQueue queue;

    @Option(name = "-r", aliases = "--retry", description = "the id of a pending or failed mail to send again now")
    private Long retry;

    @Option(name = "-n", aliases = "--limit", description = "how many mails with problems to list (default 20)")
    private int limit = 20;

    @Override
    protected Object run() throws Exception {
        if (retry != null) {
            if (!queue.retry(retry)) {
                throw mistake("No unsent mail " + retry + " in the queue");
            }
            System.out.println("Mail " + retry + " is pending again and goes out at the next try.");
            return null;
        }
        if (limit < 1 || limit > 1000) {
            throw mistake("--limit must be 1 to 1000");
        }
        MailQueueReport report = queue.report(limit);
        System.out.println("Pending: " + report.pending() + "   Failed: " + report.failed() + "   Sent: " + report.sent());
        if (report.problems().isEmpty()) {
            System.out.println("No mail with a problem.");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "State", "Attempts", "Next try", "Ticket", "Template", "To", "Last error"}) {
            table.column(column);
        }
        for (MailQueueReport.Entry entry : report.problems()) {
            table.addRow().addContent(entry.id(), entry.state(), entry.attempts(), "failed".equals(entry.state()) ? "" : entry.nextAttemptAt(),
                    entry.ticketKey() == null ? "" : entry.ticketKey(), entry.template(), entry.recipient(), entry.lastError());
        }
        table.print(System.out);
        return null;
    }
}
