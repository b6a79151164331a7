package org.atrium.core.internal.ticket;

import java.util.HashMap;
import java.util.Map;

import org.atrium.api.ticket.Ticket;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Tells subscribers (notifications, webhooks, KPIs) what happened to tickets, on the EventAdmin
 * topics {@code atrium/ticket/CREATED}, {@code UPDATED}, {@code TRANSITIONED} and {@code COMMENTED}.
 * Posted asynchronously after the commit, so a slow subscriber never holds up a request.
 */
final class TicketEvents {
    static final String TOPIC_PREFIX = "atrium/ticket/";
    private final EventAdmin eventAdmin;

    /** @param eventAdmin null in tests without a container: then nothing is posted */
    TicketEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void post(String what, Ticket ticket, String actor, Map<String, Object> extra) {
        if (eventAdmin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("key", ticket.key());
        properties.put("type", ticket.type());
        properties.put("department", ticket.department());
        properties.put("status", ticket.status());
        properties.put("priority", ticket.priority().name());
        properties.put("confidential", ticket.confidential());
        properties.put("actor", actor);
        eventAdmin.postEvent(new Event(TOPIC_PREFIX + what, properties));
    }
}
