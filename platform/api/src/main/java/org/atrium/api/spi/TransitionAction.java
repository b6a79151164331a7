package org.atrium.api.spi;

import org.atrium.api.ticket.Ticket;

/**
 * Runs when a ticket of a type that names it enters a status (descriptor {@code "actions"}), after
 * the transition is committed: notifications, follow-up work. A failing action is logged; it does
 * not undo the transition. Register as a service with property {@link Extension#NAME}.
 */
public interface TransitionAction {
    void onEnter(Ticket ticket, String from, String actor);
}
