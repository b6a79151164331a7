package org.atrium.core.internal.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.atrium.api.security.Caller;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Builds the queue query: the caller's visibility, the filters, keyset paging, in the order agents
 * work (priority, then age). Each shape is written so an index of (filter columns, priority, id)
 * can serve it; see V1__tickets.sql.
 */
final class TicketQueries {
    private TicketQueries() {
    }

    static TypedQuery<TicketEntity> queue(EntityManager em, Caller caller, TicketQuery query, QueueCursor after) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        visibility(caller, query, where, params);
        filter("t.department", "department", query.department(), where, params);
        filter("t.status", "status", query.status(), where, params);
        filter("t.assignee", "assignee", query.assignee(), where, params);
        filter("t.requester", "requester", query.requester(), where, params);
        if (after != null) {
            where.add("(t.priority > :afterPriority OR (t.priority = :afterPriority AND t.id > :afterId))");
            params.put("afterPriority", after.priority());
            params.put("afterId", after.id());
        }
        String jpql = "SELECT t FROM TicketEntity t"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY t.priority, t.id";
        TypedQuery<TicketEntity> select = em.createQuery(jpql, TicketEntity.class);
        params.forEach(select::setParameter);
        return select;
    }

    /** Mirrors TicketAccess.canSee as a query condition. */
    private static void visibility(Caller caller, TicketQuery query, List<String> where, Map<String, Object> params) {
        if (query.department() != null && caller.isAgentOf(query.department())) {
            return; // an agent's own queue: everything in it is visible, keep the query index-friendly
        }
        List<String> departments = caller.roles().stream()
                .filter(role -> role.startsWith(Caller.AGENT_PREFIX))
                .map(role -> role.substring(Caller.AGENT_PREFIX.length())).toList();
        List<String> anyOf = new ArrayList<>();
        anyOf.add("t.requester = :me");
        params.put("me", caller.user());
        if (!departments.isEmpty()) {
            anyOf.add("t.department IN :myDepartments");
            params.put("myDepartments", departments);
        }
        if (caller.isAdmin()) {
            anyOf.add("t.confidential = :notConfidential"); // bound: Derby refuses BOOLEAN = 0
            params.put("notConfidential", Boolean.FALSE);
        }
        where.add("(" + String.join(" OR ", anyOf) + ")");
    }

    private static void filter(String column, String name, String value, List<String> where, Map<String, Object> params) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }
}
