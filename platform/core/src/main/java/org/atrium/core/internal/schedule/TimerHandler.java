package org.atrium.core.internal.schedule;

import java.time.Instant;

import javax.persistence.EntityManager;

/**
 * What happens when a durable timer of one kind falls due (an approval's reminder or timeout, an SLA
 * warning). It runs inside the transaction that removes the timer, so what it writes through
 * {@code em} commits with the removal, or not at all: throwing rolls both back and the timer is tried
 * again later. A handler may schedule new timers and cancel others (also its own) through the
 * {@link Scheduler} with the same {@code em}.
 */
@FunctionalInterface
public interface TimerHandler {
    /**
     * @param refId what the timer is about (the id of an approval, a ticket, ...), as it was scheduled
     * @param dueAt when this attempt was due: the scheduled time, or after failed attempts the time of
     *              the retry (the original time is not kept; a handler that needs it stores it itself)
     */
    void fire(EntityManager em, long refId, Instant dueAt);
}
