package org.atrium.core.internal.outbox;

import java.time.Clock;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.OutboxEntity;

/**
 * Writes what must follow a change into the change's own transaction, so that it is delivered if
 * and only if the change commits, also when the server dies between the commit and the delivery.
 */
public final class Outbox {
    public static final String EVENT = "event";
    public static final String ACTION = "action";
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** @param name an event topic, or the name of the extension to run */
    public void add(EntityManager em, String kind, String name, Map<String, Object> payload) {
        em.persist(new OutboxEntity(kind, name, Json.write(payload), clock.instant()));
    }
}
