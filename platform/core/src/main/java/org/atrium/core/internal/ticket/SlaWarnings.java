package org.atrium.core.internal.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.persistence.SlaClockEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * The warning time that goes with a ticket's {@code slaDueAt}: that of the clock whose due time it is,
 * read from the stored clocks of a whole page at once (one query, by the clocks' ticket index), so that
 * a queue can colour its rows without asking for each ticket's clocks.
 */
final class SlaWarnings {
    private SlaWarnings() {
    }

    /** The tickets as read, each with the warning time of the clock that gives its due time. */
    static List<Ticket> of(EntityManager em, List<TicketEntity> tickets, List<Ticket> read) {
        Map<Long, Instant> warnings = warnAt(em, tickets);
        if (warnings.isEmpty()) {
            return read;
        }
        List<Ticket> filled = new java.util.ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            Instant warnAt = warnings.get(tickets.get(i).getId());
            filled.add(warnAt == null ? read.get(i) : read.get(i).withSlaWarnAt(warnAt));
        }
        return filled;
    }

    /**
     * The ticket as a change leaves it, with its warning time: the answer of a creation, an update or a step
     * must equal what a read gives right after it (one query by the clocks' ticket index, after the flush).
     */
    static Ticket answer(EntityManager em, TicketEntity ticket) {
        return TicketMapper.toDto(ticket).withSlaWarnAt(warnAt(em, List.of(ticket)).get(ticket.getId()));
    }

    /** By ticket id: the warning time of the clock whose due time is the ticket's slaDueAt; tickets with none are left out. */
    static Map<Long, Instant> warnAt(EntityManager em, Collection<TicketEntity> tickets) {
        Map<Long, Instant> dueById = new HashMap<>();
        for (TicketEntity ticket : tickets) {
            if (ticket.getSlaDueAt() != null) {
                dueById.put(ticket.getId(), ticket.getSlaDueAt());
            }
        }
        Map<Long, Instant> warnings = new HashMap<>();
        if (dueById.isEmpty()) {
            return warnings;
        }
        List<SlaClockEntity> clocks = em.createQuery("SELECT c FROM SlaClockEntity c WHERE c.ticketId IN :ids AND c.dueAt IS NOT NULL"
                + " AND c.warnAt IS NOT NULL", SlaClockEntity.class).setParameter("ids", dueById.keySet()).getResultList();
        for (SlaClockEntity clock : clocks) {
            if (Objects.equals(clock.getDueAt(), dueById.get(clock.getTicketId()))) {
                warnings.merge(clock.getTicketId(), clock.getWarnAt(), (a, b) -> a.isBefore(b) ? a : b); // two clocks due at once: the earlier warning
            }
        }
        return warnings;
    }
}
