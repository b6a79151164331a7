package org.atrium.api.catalog;

import java.util.List;

/**
 * The child tickets a type's tickets create, and how the parent follows them.
 *
 * @param on          entering this state creates the children (once per ticket)
 * @param tickets     the children
 * @param doneTo      when every child is resolved or closed, the parent moves (by the server) from {@code on} to this state; null: it stays
 * @param cancelledIn entering one of these parent states cancels the children still open
 */
public record ChildTickets(String on, List<ChildTicket> tickets, String doneTo, List<String> cancelledIn) {
    public ChildTickets {
        tickets = List.copyOf(tickets);
        cancelledIn = cancelledIn == null ? List.of() : List.copyOf(cancelledIn);
    }
}
