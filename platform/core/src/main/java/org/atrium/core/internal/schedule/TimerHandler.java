package org.atrium.core.internal.schedule;

import java.time.Instant;

import javax.persistence.EntityManager;

/** Runs a due timer inside the transaction that removes it. */
@FunctionalInterface
public interface TimerHandler {
    void fire(EntityManager em, long refId, Instant dueAt);
}
