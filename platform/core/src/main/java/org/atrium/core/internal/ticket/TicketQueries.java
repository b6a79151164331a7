package org.atrium.core.internal.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.atrium.api.security.Caller;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Reads one page of the queue: the caller's visibility, the filters, keyset paging, in the order the
 * query asks (priority then age by default). Visibility is "requested by me OR in one of my departments
 * OR (admin) not confidential"; an OR across columns defeats every index (Derby sorted half a million
 * rows at a million tickets), so each alternative is its own query, served by an index of (filter
 * columns, sort column, id), and the first pages are merged. Several statuses or categories are
 * alternatives too (an IN list makes the database read all their rows to sort them).
 */
final class TicketQueries {
    private TicketQueries() {
    }

    /** Up to {@code limit + 1} visible tickets after the cursor, in the request's order. */
    static List<TicketEntity> page(EntityManager em, Caller caller, QueueRequest request) {
        TicketQuery query = request.query();
        Map<Long, TicketEntity> merged = new LinkedHashMap<>();
        for (Map<String, Object> visibility : visibilityAlternatives(caller, query)) {
            for (Map<String, Object> state : stateAlternatives(query)) {
                int read = 0;
                for (String range : request.sort().ranges(request.after())) {
                    if (read > query.limit()) {
                        break; // the earlier range filled the page
                    }
                    for (TicketEntity ticket : select(em, visibility, state, range, request).setMaxResults(query.limit() + 1 - read)
                            .getResultList()) {
                        merged.putIfAbsent(ticket.getId(), ticket);
                        read++;
                    }
                }
            }
        }
        return merged.values().stream().sorted(request.sort().comparator()).limit(query.limit() + 1L).toList();
    }

    /** One alternative per status and per category asked for; one empty one when neither is. */
    static List<Map<String, Object>> stateAlternatives(TicketQuery query) {
        List<Map<String, Object>> alternatives = new ArrayList<>();
        query.statuses().forEach(status -> query.categories().forEach(category ->
                alternatives.add(Map.of("status", status, "statusCategory", category))));
        if (query.categories().isEmpty()) {
            query.statuses().forEach(status -> alternatives.add(Map.of("status", status)));
        }
        if (query.statuses().isEmpty()) {
            query.categories().forEach(category -> alternatives.add(Map.of("statusCategory", category)));
        }
        return alternatives.isEmpty() ? List.of(Map.of()) : alternatives;
    }

    /** The policy's restriction of the queue (TicketAccessPolicy.listRestriction): one query per alternative. */
    static List<Map<String, Object>> visibilityAlternatives(Caller caller, TicketQuery query) {
        return TicketAccessPolicy.listRestriction(caller, query.department());
    }

    private static TypedQuery<TicketEntity> select(EntityManager em, Map<String, Object> visibility, Map<String, Object> state,
            String range, QueueRequest request) {
        TicketQuery query = request.query();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        visibility.forEach((column, value) -> equal(column, "visible_" + column, value, where, params));
        state.forEach((column, value) -> equal(column, column, value, where, params));
        equal("department", "department", query.department(), where, params);
        equal("assignee", "assignee", query.assignee(), where, params);
        equal("requester", "requester", query.requester(), where, params);
        equal("assignmentGroup", "assignmentGroup", query.group(), where, params);
        if (query.unassigned()) {
            where.add("t.assignee IS NULL");
        }
        if (!range.isEmpty()) {
            where.add(range);
            if (QueueSort.usesValue(range)) {
                params.put("afterValue", request.after().value());
            }
            if (range.contains(":afterId")) {
                params.put("afterId", request.after().id());
            }
        }
        String jpql = "SELECT t FROM TicketEntity t"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + request.sort().orderBy();
        TypedQuery<TicketEntity> select = em.createQuery(jpql, TicketEntity.class);
        params.forEach(select::setParameter);
        return select;
    }

    private static void equal(String column, String name, Object value, List<String> where, Map<String, Object> params) {
        if (value != null) {
            where.add("t." + column + " = :" + name);
            params.put(name, value);
        }
    }
}
