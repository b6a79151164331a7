package org.atrium.core.internal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.ScheduledTaskEntity;

/** TEMPORARY stand-in until the scheduler branch merges (same signatures). */
public final class Scheduler {
    private final Database db;
    private final Clock clock;
    private final Map<String, TimerHandler> handlers = new ConcurrentHashMap<>();

    public Scheduler(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void handle(String kind, TimerHandler handler) {
        handlers.put(kind, handler);
    }

    public void schedule(EntityManager em, String kind, long refId, Instant dueAt) {
        em.persist(new ScheduledTaskEntity(kind, refId, dueAt, clock.instant()));
    }

    public void cancel(EntityManager em, String kind, long refId) {
        em.createQuery("DELETE FROM ScheduledTaskEntity t WHERE t.kind = :kind AND t.refId = :ref")
                .setParameter("kind", kind).setParameter("ref", refId).executeUpdate();
    }

    public synchronized int runDue(int limit) {
        Instant now = clock.instant();
        List<Long> due = db.read(em -> em.createQuery("SELECT t.id FROM ScheduledTaskEntity t WHERE t.dueAt <= :now ORDER BY t.dueAt, t.id",
                Long.class).setParameter("now", now).setMaxResults(limit).getResultList());
        for (Long id : due) {
            db.inTransaction(em -> {
                ScheduledTaskEntity task = em.find(ScheduledTaskEntity.class, id);
                if (task != null) {
                    handlers.get(task.getKind()).fire(em, task.getRefId(), task.getDueAt());
                    em.remove(task);
                }
                return null;
            });
        }
        return due.size();
    }
}
