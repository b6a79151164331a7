package org.atrium.core.internal.ticket;

import java.util.Map;

import org.atrium.api.spi.TransitionContext;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.extension.Contexts;

/** Turns a transition action's outbox entry back into the context the action is given. */
final class TransitionActions {
    private TransitionActions() {
    }

    /**
     * @param call the outbox entry TicketEvents wrote: {@code key}, {@code from}, {@code to}, {@code actor};
     *             entries written before {@code to} was recorded take the ticket's status instead
     */
    static TransitionContext context(Ticket ticket, Map<String, Object> call) {
        Object to = call.get("to");
        return new Contexts.Transition(ticket, (String) call.get("from"), to instanceof String state ? state : ticket.status(),
                (String) call.get("actor"));
    }
}
