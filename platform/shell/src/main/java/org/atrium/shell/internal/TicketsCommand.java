package org.atrium.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketService;

/**
 * atrium:tickets - the first page of the queue, as an administrator sees it (confidential
 * tickets stay hidden: administering the platform is not reading HR cases).
 */
@Service
@Command(scope = "atrium", name = "tickets", description = "Lists tickets in queue order (priority, then age)")
public class TicketsCommand extends AtriumCommand {
    @Reference
    private TicketService tickets;

    @Option(name = "-d", aliases = "--department", description = "only this department")
    private String department;

    @Option(name = "-s", aliases = "--status", description = "only this status")
    private String status;

    @Option(name = "-n", aliases = "--limit", description = "how many")
    private int limit = 20;

    @Override
    protected Object run() throws Exception {
        Caller console = Caller.of("karaf-console", Caller.ADMIN);
        ShellTable table = new ShellTable();
        table.column("Key");
        table.column("Priority");
        table.column("Status");
        table.column("Requester");
        table.column("Assignee");
        table.column("Summary");
        for (Ticket ticket : tickets.list(console, new TicketQuery(department, status, null, null, limit, null)).items()) {
            table.addRow().addContent(ticket.key(), ticket.priority(), ticket.status(), ticket.requester(),
                    ticket.assignee() == null ? "" : ticket.assignee(), ticket.summary());
        }
        table.print(System.out);
        return null;
    }
}
