package org.atrium.api.ticket;

/**
 * Filters for listing tickets; null means "any". Results come in the order agents work them
 * (priority, then age), {@code limit} at a time, continued by the opaque {@code cursor}.
 */
public record TicketQuery(String department, String status, String assignee, String requester, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, DEFAULT_LIMIT, null);
    }
}
