package org.atrium.core.internal.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Dialect;
import org.atrium.core.internal.persistence.ScheduledTaskEntity;
import org.atrium.core.internal.worker.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable scheduler: one table of timers ({@code scheduled_task}) and one way to fire them, for
 * every feature that must act at a time (approval reminders and timeouts, SLA warnings and
 * breaches), instead of a timer thread per feature that forgets everything on a restart.
 * <ul>
 * <li>Durable: a timer is a row written in the transaction of the change that needs it, so it exists
 * if and only if that change committed, and a timer that fell due while every node was down fires at
 * the next run after start.</li>
 * <li>Once: due timers fire in batches ({@link #BATCH} per transaction) whose transaction locks their
 * rows, deletes each and runs its {@link TimerHandler}, so the handlers' writes and the removals commit
 * together. On PostgreSQL the rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several nodes
 * running at once never fire the same timer; embedded Derby serves one node, whose runs are serialised
 * here. A handler that throws rolls its batch back; the others of the batch are then fired one by
 * one, each in a transaction of its own.</li>
 * <li>Bounded: a failing handler rolls back and the timer is tried again after a growing pause
 * ({@link Retries}), then given up with an error in the log.</li>
 * <li>Cheap: a run reads due timers through the index on {@code (due_at, id)}, so its cost grows with
 * what is due, not with how many timers wait.</li>
 * </ul>
 * Handlers are per node ({@link #handle}); a due timer of a kind this node has no handler for (a
 * newer bundle version on another node may have one) is logged and left in place, never deleted.
 * The thread that calls {@link #runDue} is a {@link org.atrium.core.internal.worker.PollingWorker}.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** The width of {@code scheduled_task.kind}. */
    static final int MAX_KIND_LENGTH = 50;
    /** How many due timers without a handler a run looks at to name their kinds in the log. */
    private static final int UNHANDLED_PROBE = 100;
    /** How often a node looks for due timers it has no handler for (only to log them). */
    private static final Duration UNHANDLED_PROBE_INTERVAL = Duration.ofMinutes(1);
    /**
     * Due timers fired per transaction. Larger batches save commits but hold the rows their handlers
     * lock (an SLA check locks its ticket) for longer; see SweepSpeedTest for what each size costs.
     */
    static final int BATCH = 25;

    private final Database db;
    private final Clock clock;
    private final Map<String, TimerHandler> handlers = new ConcurrentHashMap<>();
    private final Set<String> reportedUnhandled = ConcurrentHashMap.newKeySet();
    private Instant nextUnhandledProbe = Instant.MIN;

    public Scheduler(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers what fires timers of {@code kind}; once per kind, before timers of it fall due. */
    public void handle(String kind, TimerHandler handler) {
        checkKind(kind);
        Objects.requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("timers of kind " + kind + " already have a handler");
        }
    }

    /** Adds a timer in the caller's transaction: it exists if and only if that transaction commits. */
    public void schedule(EntityManager em, String kind, long refId, Instant dueAt) {
        checkKind(kind);
        Objects.requireNonNull(dueAt, "dueAt");
        em.persist(new ScheduledTaskEntity(kind, refId, dueAt, clock.instant()));
    }

    /** Removes the timers of {@code kind} for {@code refId} in the caller's transaction; returns how many. */
    public int cancel(EntityManager em, String kind, long refId) {
        return em.createQuery("DELETE FROM ScheduledTaskEntity t WHERE t.refId = :ref AND t.kind = :kind")
                .setParameter("ref", refId).setParameter("kind", kind).executeUpdate();
    }

    /**
     * Removes every timer for {@code refId}, whatever its kind, in the caller's transaction; returns how
     * many. Ids of different tables may be equal: use it only where every kind that can hold this
     * refId refers to the same table (kinds named after their table, e.g. {@code approval.timeout}
     * and {@code approval.reminder}, make that easy to see).
     */
    public int cancelAll(EntityManager em, long refId) {
        return em.createQuery("DELETE FROM ScheduledTaskEntity t WHERE t.refId = :ref")
                .setParameter("ref", refId).executeUpdate();
    }

    /**
     * Fires up to {@code limit} due timers, {@link #BATCH} per transaction; returns how many this node
     * took (fired, postponed after a failure, or given up). Timers another node holds are left to it,
     * timers of kinds without a handler here are left for later.
     */
    public synchronized int runDue(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Instant now = clock.instant();
        Set<String> kinds = Set.copyOf(handlers.keySet());
        int taken = 0;
        while (taken < limit && !kinds.isEmpty()) {
            int wanted = Math.min(BATCH, limit - taken);
            Batch batch = fireBatch(kinds, now, wanted);
            taken += batch.taken();
            // read again only while a full batch was read: more may be waiting
            if (batch.read() < wanted) {
                break;
            }
        }
        if (taken < limit && !now.isBefore(nextUnhandledProbe)) {
            nextUnhandledProbe = now.plus(UNHANDLED_PROBE_INTERVAL);
            reportUnhandled(kinds, now);
        }
        return taken;
    }

    /** How many due timers a batch read, and how many of them this node took. */
    private record Batch(int read, int taken) {
    }

    /** A due timer as a batch reads it. */
    private record Due(long id, String kind, long refId, Instant dueAt) {
    }

    /** A handler threw inside a batch: which timer, and why. */
    private static final class HandlerFailed extends RuntimeException {
        private final long id;

        HandlerFailed(long id, RuntimeException cause) {
            super(cause);
            this.id = id;
        }
    }

    /**
     * Reads, locks and fires up to {@code wanted} due timers in one transaction: one commit (one log
     * flush) for the batch instead of one per timer, which is what a sweep spent its time on
     * (SweepSpeedTest). If a handler throws, the batch rolls back, that timer's attempt is counted
     * ({@link #countFailure}) and the others are fired one by one, each in its own transaction, so a
     * bad timer neither blocks nor loses the others. A failure at commit is retried the same way.
     */
    private Batch fireBatch(Set<String> kinds, Instant now, int wanted) {
        List<Due> due = new ArrayList<>();
        try {
            int fired = db.inTransaction(em -> {
                due.addAll(lockDue(em, kinds, now, wanted));
                int count = 0;
                for (Due timer : due) {
                    // removed first, by id: a handler earlier in this batch may have cancelled it (0 rows: skip it)
                    if (em.createQuery("DELETE FROM ScheduledTaskEntity t WHERE t.id = :id").setParameter("id", timer.id()).executeUpdate() == 0) {
                        continue;
                    }
                    try {
                        handlers.get(timer.kind()).fire(em, timer.refId(), timer.dueAt());
                    } catch (RuntimeException failure) {
                        throw new HandlerFailed(timer.id(), failure);
                    }
                    count++;
                }
                return count;
            });
            return new Batch(due.size(), fired);
        } catch (HandlerFailed failed) {
            int taken = countFailure(failed.id, now, (RuntimeException) failed.getCause()) ? 1 : 0;
            return new Batch(due.size(), taken + oneByOne(due, failed.id, now));
        } catch (RuntimeException failure) {
            if (due.isEmpty()) {
                throw failure; // the read itself failed: nothing was fired; the polling worker logs it
            }
            LOG.warn("A batch of {} timers failed to commit, firing them one by one: {}", due.size(), failure.toString());
            return new Batch(due.size(), oneByOne(due, -1, now));
        }
    }

    private int oneByOne(List<Due> due, long except, Instant now) {
        int taken = 0;
        for (Due timer : due) {
            if (timer.id() != except && fire(timer.id(), now)) {
                taken++;
            }
        }
        return taken;
    }

    /**
     * The due timers of the given kinds, earliest first, read through the index scheduled_task_due; on
     * PostgreSQL locked for this transaction, skipping rows another node holds.
     */
    private List<Due> lockDue(EntityManager em, Set<String> kinds, Instant now, int limit) {
        String sql = dueSql("id, kind, ref_id, due_at", kinds.size(), limit)
                + (db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : ""); // Derby: one node, runDue is synchronized
        Query query = em.createNativeQuery(sql).setParameter(1, Timestamp.from(now));
        int position = 2;
        for (String kind : kinds) {
            query.setParameter(position++, kind);
        }
        List<Due> due = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            due.add(new Due(((Number) columns[0]).longValue(), (String) columns[1], ((Number) columns[2]).longValue(),
                    ((Timestamp) columns[3]).toInstant()));
        }
        return due;
    }

    /**
     * SQL both databases run with a range scan of (due_at, id) that stops after {@code limit} rows.
     * Derby's optimizer does not count FETCH FIRST: at 1,000,000 waiting timers it chose a table scan
     * (1,000,007 rows visited, 180 to 270 ms per read, SweepSpeedTest), so the index is named for it in
     * its override comment, which PostgreSQL reads as a comment (the newline ends it).
     */
    static String dueSql(int kinds, int limit) {
        return dueSql("id", kinds, limit);
    }

    private static String dueSql(String columns, int kinds, int limit) {
        return "SELECT " + columns + " FROM scheduled_task --DERBY-PROPERTIES index=SCHEDULED_TASK_DUE\n WHERE due_at <= ? AND kind IN ("
                + String.join(", ", Collections.nCopies(kinds, "?")) + ") ORDER BY due_at, id FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** Fires one timer alone; false if it is no longer there for this node (fired, cancelled, postponed or held elsewhere). */
    private boolean fire(long id, Instant now) {
        try {
            return db.inTransaction(em -> {
                ScheduledTaskEntity task = lockDue(em, id, now);
                if (task == null) {
                    return false;
                }
                handlers.get(task.getKind()).fire(em, task.getRefId(), task.getDueAt());
                // by id, not em.remove: the handler may have cancelled its own timer already
                em.createQuery("DELETE FROM ScheduledTaskEntity t WHERE t.id = :id").setParameter("id", id).executeUpdate();
                return true;
            });
        } catch (RuntimeException failure) {
            return countFailure(id, now, failure);
        }
    }

    /** In a transaction of its own, since the handler's was rolled back. */
    private boolean countFailure(long id, Instant now, RuntimeException failure) {
        return db.inTransaction(em -> {
            ScheduledTaskEntity task = lockDue(em, id, now);
            if (task == null) {
                return false; // another node took it meanwhile
            }
            int attempts = task.getAttempts() + 1;
            if (attempts >= Retries.MAX_ATTEMPTS) {
                LOG.error("Gave up the timer {} for {} due at {} (scheduled task {}) after {} attempts", task.getKind(),
                        task.getRefId(), task.getDueAt(), id, attempts, failure);
                em.remove(task);
                return true;
            }
            Duration pause = Retries.backoff(attempts);
            LOG.warn("The timer {} for {} (scheduled task {}) failed, attempt {}; next try in {}: {}", task.getKind(),
                    task.getRefId(), id, attempts, pause, failure.toString());
            task.setAttempts(attempts);
            task.setDueAt(now.plus(pause));
            return true;
        });
    }

    /** The timer, locked for this transaction, if it is still there and due; null otherwise. */
    private ScheduledTaskEntity lockDue(EntityManager em, long id, Instant now) {
        List<?> rows;
        if (db.dialect() == Dialect.POSTGRESQL) {
            rows = em.createNativeQuery("SELECT * FROM scheduled_task WHERE id = ? AND due_at <= ? FOR UPDATE SKIP LOCKED",
                    ScheduledTaskEntity.class).setParameter(1, id).setParameter(2, Timestamp.from(now)).getResultList();
        } else {
            // Derby: one node, and runDue is synchronized
            rows = em.createQuery("SELECT t FROM ScheduledTaskEntity t WHERE t.id = :id AND t.dueAt <= :now", ScheduledTaskEntity.class)
                    .setParameter("id", id).setParameter("now", now).getResultList();
        }
        return rows.isEmpty() ? null : (ScheduledTaskEntity) rows.get(0);
    }

    /** Names (once per kind) due timers that no handler on this node fires; they stay for a node that can. */
    private void reportUnhandled(Set<String> kinds, Instant now) {
        List<String> unhandled = db.read(em -> (kinds.isEmpty()
                ? em.createQuery("SELECT t.kind FROM ScheduledTaskEntity t WHERE t.dueAt <= :now ORDER BY t.dueAt, t.id", String.class)
                : em.createQuery("SELECT t.kind FROM ScheduledTaskEntity t WHERE t.dueAt <= :now AND t.kind NOT IN :kinds"
                        + " ORDER BY t.dueAt, t.id", String.class).setParameter("kinds", kinds))
                .setParameter("now", now).setMaxResults(UNHANDLED_PROBE).getResultList());
        for (String kind : unhandled) {
            if (reportedUnhandled.add(kind)) {
                LOG.warn("Timers of kind {} are due but no handler for them is registered on this node; they are left "
                        + "for a node or bundle version that handles them", kind);
            }
        }
    }

    private static void checkKind(String kind) {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND_LENGTH) {
            throw new IllegalArgumentException("a timer kind is 1 to " + MAX_KIND_LENGTH + " characters: " + kind);
        }
    }
}
