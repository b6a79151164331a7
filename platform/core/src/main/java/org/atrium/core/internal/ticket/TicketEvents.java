package org.atrium.core.internal.ticket;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atrium.api.ticket.Ticket;
import org.atrium.api.workflow.StateAction;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.core.internal.outbox.Outbox;
import org.atrium.core.internal.outbox.OutboxReceiver;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * What follows a ticket change, written to the outbox in the change's transaction: the EventAdmin
 * event ({@code atrium/ticket/CREATED}, ...) and the transition actions of the state entered.
 */
final class TicketEvents implements TicketParticipant {
    static final String TOPIC_PREFIX = "atrium/ticket/";
    private final Outbox outbox;

    TicketEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void changed(EntityManager em, TicketChange change) {
        record(em, change.what(), change.ticket(), change.actor(), change.details());
        if (change.entered() != null) {
            recordActions(em, change.ticket(), change.entered(), change.from(), change.actor());
        }
    }

    private void record(EntityManager em, String what, Ticket ticket, String actor, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("key", ticket.key());
        properties.put("type", ticket.type());
        properties.put("department", ticket.department());
        properties.put("status", ticket.status());
        properties.put("priority", ticket.priority().name());
        properties.put("confidential", ticket.confidential());
        properties.put("actor", actor);
        outbox.add(em, Outbox.EVENT, TOPIC_PREFIX + what, properties);
    }

    /** The "run" actions of the state entered, each delivered (and retried) on its own. */
    private void recordActions(EntityManager em, Ticket ticket, WorkflowState entered, String from, String actor) {
        for (StateAction action : entered.onEnter()) {
            if (action.run() != null) {
                Map<String, Object> call = new HashMap<>();
                call.put("key", ticket.key());
                call.put("from", from);
                call.put("to", entered.key());
                call.put("actor", actor);
                outbox.add(em, Outbox.ACTION, action.run(), call);
            }
        }
    }

    /** Posts delivered events on EventAdmin (asynchronously); without EventAdmin (tests) they are dropped. */
    static OutboxReceiver poster(EventAdmin eventAdmin) {
        return (topic, properties) -> {
            if (eventAdmin != null) {
                eventAdmin.postEvent(new Event(topic, properties));
            }
        };
    }
}
