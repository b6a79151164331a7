package org.atrium.core.internal.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.OutboxEntity;
import org.atrium.core.internal.worker.DueRows;
import org.atrium.core.internal.worker.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands due outbox entries to their receivers and removes them in one transaction. On PostgreSQL
 * the entries are claimed with {@code FOR UPDATE SKIP LOCKED}, so that several nodes delivering at
 * once never hand out the same entry; embedded Derby serves one node, whose deliveries run one at a
 * time. An entry is removed when its receiver returns: if the node dies before that commit, the
 * entry is delivered again (at least once, exactly once in every run that commits).
 */
public final class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    /** After this many failed attempts an entry is given up (logged as an error). */
    static final int MAX_ATTEMPTS = Retries.MAX_ATTEMPTS;
    private final Database db;
    private final Map<String, OutboxReceiver> receivers;
    private final Clock clock;

    public OutboxDelivery(Database db, Map<String, OutboxReceiver> receivers, Clock clock) {
        this.db = db;
        this.receivers = Map.copyOf(receivers);
        this.clock = clock;
    }

    /** Delivers up to {@code limit} due entries; returns how many it took (delivered, postponed or given up). */
    public synchronized int deliverDue(int limit) {
        Instant now = clock.instant();
        return db.inTransaction(em -> {
            List<OutboxEntity> due = claim(em, now, limit);
            for (OutboxEntity entry : due) {
                deliver(em, entry, now);
            }
            return due.size();
        });
    }

    private void deliver(EntityManager em, OutboxEntity entry, Instant now) {
        OutboxReceiver receiver = receivers.get(entry.getKind());
        try {
            if (receiver == null) {
                throw new IllegalStateException("no receiver for outbox entries of kind " + entry.getKind());
            }
            receiver.deliver(entry.getId(), entry.getName(), Json.readMap(entry.getPayload()));
            em.remove(entry);
        } catch (RuntimeException e) {
            if (entry.attempts().isLast(MAX_ATTEMPTS)) {
                // removed unchanged: counting the attempt would first write a null next attempt, which the outbox's column refuses
                LOG.error("Gave up delivering {} {} (outbox entry {}) after {} attempts", entry.getKind(), entry.getName(),
                        entry.getId(), entry.attempts().count() + 1, e);
                em.remove(entry);
                return;
            }
            Duration pause = entry.attempts().failed(now, MAX_ATTEMPTS, OutboxDelivery::backoff).orElseThrow();
            LOG.warn("Delivering {} {} (outbox entry {}) failed, attempt {}; next try in {}: {}", entry.getKind(),
                    entry.getName(), entry.getId(), entry.attempts().count(), pause, e.toString());
        }
    }

    /** 10 s, 20 s, 40 s, ... at most an hour. */
    static Duration backoff(int attempts) {
        return Retries.backoff(attempts);
    }

    private List<OutboxEntity> claim(EntityManager em, Instant now, int limit) {
        return DueRows.claim(em, db.dialect(), OutboxEntity.class, "outbox", null, "id", now, limit);
    }
}
