package org.atrium.api.ticket;

import java.util.List;

/**
 * Filters for listing tickets; null (or an empty list) means "any". Several statuses or status
 * categories select tickets in any of them. Results come {@code limit} at a time in the order
 * {@code sort} names, continued by the opaque {@code cursor}.
 *
 * @param statuses   workflow state keys, e.g. {@code new}, {@code in-progress}
 * @param categories status categories: open, in-progress, pending, resolved, closed
 * @param assignee   a person id, or {@code me} for the caller
 * @param group      an assignment group key (of the ticket's department)
 * @param unassigned only tickets without an assignee
 * @param sort       one of {@link #SORTS}; null means {@link #BY_PRIORITY}
 */
public record TicketQuery(String department, List<String> statuses, List<String> categories, String assignee,
        String requester, String group, boolean unassigned, String sort, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** The agents' order: priority (P1 first), then age (oldest first). */
    public static final String BY_PRIORITY = "priority";
    /**
     * The orders a queue may be read in: a leading {@code -} reverses one ({@code -created}: newest
     * first). Ties are broken by the ticket's internal id, in the same direction. Each has an index
     * on Derby and PostgreSQL; a reversed priority has none, so it is not offered. {@code sla}: the
     * earliest due time of the ticket's running SLA clocks first, tickets without one after all
     * others (by id); served by the department's index, so an agent's queue reads it best.
     */
    public static final List<String> SORTS = List.of("priority", "created", "-created", "updated", "-updated", "sla");

    public TicketQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The filters of the first release: one status, queue order. */
    public TicketQuery(String department, String status, String assignee, String requester, int limit, String cursor) {
        this(department, status == null ? List.of() : List.of(status), List.of(), assignee, requester, null, false, null,
                limit, cursor);
    }

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, DEFAULT_LIMIT, null);
    }

    /** The sort this query uses, the default filled in. */
    public String sortOrDefault() {
        return sort == null ? BY_PRIORITY : sort;
    }
}
