package org.atrium.core.internal.ticket;

import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Who may see and work which ticket. Requesters see their own tickets, agents their
 * department's, administrators every ticket that is not confidential: administering the
 * platform is not reading HR cases.
 */
final class TicketAccess {
    private TicketAccess() {
    }

    static boolean isRequester(Caller caller, TicketEntity ticket) {
        return caller.user().equals(ticket.getRequester());
    }

    /** Agents of the department, and administrators for tickets that are not confidential. */
    static boolean canWork(Caller caller, TicketEntity ticket) {
        return caller.isAgentOf(ticket.getDepartment()) || (caller.isAdmin() && !ticket.isConfidential());
    }

    static boolean canSee(Caller caller, TicketEntity ticket) {
        return isRequester(caller, ticket) || canWork(caller, ticket);
    }

    /**
     * Throws unless the caller may see the ticket: 404 for a confidential ticket, whose very
     * existence is not to be disclosed, 403 for any other.
     */
    static void checkVisible(Caller caller, TicketEntity ticket) {
        if (!canSee(caller, ticket)) {
            if (ticket.isConfidential()) {
                throw new NotFoundException("No ticket " + ticket.getKey());
            }
            throw new ForbiddenException("You may not see ticket " + ticket.getKey());
        }
    }
}
