package org.atrium.core.internal.workflow;

import java.util.List;

/** What transition guards ask about a ticket beyond its own row: its approvals and its children. */
public interface TicketFacts {

    int undecidedApprovals(long ticketId);

    /** Keys of child tickets not yet resolved or closed. */
    List<String> unresolvedChildren(long ticketId);

    boolean isApprover(long ticketId, String user);
}
