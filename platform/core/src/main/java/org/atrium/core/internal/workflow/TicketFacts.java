package org.atrium.core.internal.workflow;

import java.util.List;

/**
 * What transition guards ask about a ticket beyond its own row: its approvals and its children.
 * Approvals and links arrive in their own engines; until a ticket has any, the answers are empty.
 */
public interface TicketFacts {
    /** Nothing pending, no children: what holds for every ticket while no engine records them. */
    TicketFacts NONE = new TicketFacts() {
        @Override
        public int undecidedApprovals(long ticketId) {
            return 0;
        }

        @Override
        public List<String> unresolvedChildren(long ticketId) {
            return List.of();
        }

        @Override
        public boolean isApprover(long ticketId, String user) {
            return false;
        }
    };

    int undecidedApprovals(long ticketId);

    /** Keys of child tickets not yet resolved or closed. */
    List<String> unresolvedChildren(long ticketId);

    boolean isApprover(long ticketId, String user);
}
