package org.atrium.core.internal.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/** Applies changes to a ticket and writes one immutable history row for each real change. */
final class Changes {
    private final EntityManager em;
    private final TicketEntity ticket;
    private final String actor;
    private final Instant at;
    private int count;
    private final java.util.List<String> fields = new java.util.ArrayList<>();

    Changes(EntityManager em, TicketEntity ticket, String actor, Instant at) {
        this.em = em;
        this.ticket = ticket;
        this.actor = actor;
        this.at = at;
    }

    /** Sets the field when {@code after} is given and differs from {@code before}. */
    void set(String field, String before, String after, Consumer<String> setter) {
        if (after != null && !Objects.equals(before, after)) {
            setter.accept(after);
            record(field, before, after);
        }
    }

    void record(String field, String before, String after) {
        em.persist(new HistoryEntity(ticket.getId(), at, actor, "updated", field, before, after));
        fields.add(field);
        count++;
    }

    /** The fields changed so far, in order (summary, fields.period, ...). */
    java.util.List<String> fields() {
        return fields;
    }

    void transition(String from, String to) {
        em.persist(new HistoryEntity(ticket.getId(), at, actor, "transitioned", "status", from, to));
        count++;
    }

    boolean any() {
        return count > 0;
    }

    Instant at() {
        return at;
    }
}
