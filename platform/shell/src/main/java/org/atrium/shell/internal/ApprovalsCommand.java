package org.atrium.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.approval.Approval;
import org.atrium.api.approval.ApprovalService;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;

/**
 * atrium:approvals - a person's approval inbox (who waits for whom, and since when), or every
 * approval of one ticket. Reads through ApprovalService with the same checks as the REST API: a
 * person's inbox as that person sees it, a ticket's approvals as an administrator may see them.
 */
@Service
@Command(scope = "atrium", name = "approvals", description = "Lists a person's approvals, or a ticket's")
public class ApprovalsCommand extends AtriumCommand {
    @Reference
    private ApprovalService approvals;

    @Reference
    private Directory directory;

    @Option(name = "-u", aliases = "--user", description = "whose inbox (a person id from the directory)")
    private String user;

    @Option(name = "-t", aliases = "--ticket", description = "the approvals of this ticket instead")
    private String ticket;

    @Option(name = "-s", aliases = "--state", description = "pending (default), decided or all; with --user")
    private String state = "pending";

    @Override
    protected Object run() throws Exception {
        if ((user == null) == (ticket == null)) {
            throw mistake("Give either --user <person id> or --ticket <key>, e.g. atrium:approvals --user marc");
        }
        print(ticket != null ? approvals.ofTicket(Caller.of("karaf-console", Caller.ADMIN), ticket)
                : approvals.inbox(asPerson(user), state));
        return null;
    }

    private Caller asPerson(String id) {
        Person person = directory.find(id).orElse(null);
        if (person == null) {
            throw new org.atrium.api.NotFoundException("No person " + id + " in the directory");
        }
        return new Caller(person.id(), person.roles());
    }

    private static void print(List<Approval> rows) {
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Ticket", "Stage", "Approver", "State", "Decided by", "Requested", "Due", "Summary")) {
            table.column(column);
        }
        for (Approval a : rows) {
            String decidedBy = a.decidedBy() == null ? "" : a.decidedBy() + (a.onBehalfOf() == null ? "" : " for " + a.onBehalfOf());
            table.addRow().addContent(a.id(), a.ticket(), a.stage(), a.approver(), a.state(), decidedBy, a.requestedAt(),
                    a.dueAt() == null ? "" : a.dueAt(), a.summary());
        }
        table.print(System.out);
        if (rows.isEmpty()) {
            System.out.println("No approvals.");
        }
    }
}
