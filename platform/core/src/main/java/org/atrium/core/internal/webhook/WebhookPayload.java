package org.atrium.core.internal.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.atrium.core.internal.persistence.TicketEntity;

/**
 * The JSON body of a delivery: {@code {id, type, occurredAt, ticket: {key, type, department, status,
 * priority, summary}, data: {...}}}. {@code data} carries the event's own properties (the actor, a
 * transition's states, an approval's stage and decision, an SLA clock), never comment bodies, form
 * values or descriptions.
 */
final class WebhookPayload {
    /** Event properties that the ticket object carries, or that are for Atrium alone. */
    private static final Set<String> NOT_IN_DATA = Set.of("key", "type", "department", "status", "priority", "confidential",
            "event.topics", "summary", "description", "fields", "body");

    private WebhookPayload() {
    }

    static Map<String, Object> of(String eventId, String eventType, Instant occurredAt, TicketEntity ticket, Map<String, Object> event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", eventType);
        body.put("occurredAt", occurredAt.toString());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("key", ticket.getKey());
        snapshot.put("type", ticket.getTypeKey());
        snapshot.put("department", ticket.getDepartment());
        snapshot.put("status", event.get("status") instanceof String status ? status : ticket.getStatus());
        snapshot.put("priority", org.atrium.api.ticket.Priority.ofRank(ticket.getPriority()).name());
        snapshot.put("summary", ticket.getSummary());
        body.put("ticket", snapshot);
        Map<String, Object> data = new TreeMap<>();
        event.forEach((name, value) -> {
            if (!NOT_IN_DATA.contains(name) && value != null) {
                data.put(name, value instanceof Object[] array ? java.util.List.of(array) : value);
            }
        });
        body.put("data", data);
        return body;
    }
}
