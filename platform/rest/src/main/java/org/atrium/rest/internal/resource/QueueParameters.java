package org.atrium.rest.internal.resource;

import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.ticket.TicketQuery;

/**
 * The query parameters of {@code GET /tickets} read strictly: an unknown parameter, a single-valued
 * one given twice, or a value of the wrong form is a 400 naming the parameter, never silently
 * ignored. {@code status} and {@code category} take several values, repeated
 * ({@code status=new&status=in-progress}) or comma-separated ({@code status=new,in-progress}).
 * {@code q} makes the call a full-text search ({@link #text}) within the same filters.
 */
final class QueueParameters {
    static final Set<String> SINGLE = Set.of("department", "assignee", "requester", "group", "unassigned", "sort", "limit", "cursor", "q");
    static final Set<String> MULTIPLE = Set.of("status", "category");

    private QueueParameters() {
    }

    static TicketQuery read(MultivaluedMap<String, String> parameters) {
        StrictParameters read = StrictParameters.check("/tickets", parameters, SINGLE, MULTIPLE);
        boolean unassigned = read.flag("unassigned");
        int limit = read.limit(TicketQuery.DEFAULT_LIMIT, TicketQuery.MAX_LIMIT);
        read.done();
        return new TicketQuery(read.value("department"), read.values("status"), read.values("category"),
                read.value("assignee"), read.value("requester"), read.value("group"), unassigned,
                read.value("sort"), limit, read.value("cursor"));
    }

    /** The search text of {@code q}, null when the call is no search (read after {@link #read} checked the names). */
    static String text(MultivaluedMap<String, String> parameters) {
        return parameters.getFirst("q");
    }
}
