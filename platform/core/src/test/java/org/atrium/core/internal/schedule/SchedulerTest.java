package org.atrium.core.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atrium.core.internal.SettableClock;
import org.atrium.core.internal.outbox.Outbox;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.worker.PollingWorker;
import org.atrium.core.internal.worker.Retries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The durable scheduler on both databases: fires once with the handler's writes, survives restarts, retries, and is shared by nodes. */
class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String TIMEOUT = "test.timeout";
    private TestDatabases databases;

    @AfterEach
    void close() {
        if (databases != null) {
            databases.close();
        }
    }

    private Database open(Engine engine) throws Exception {
        databases = TestDatabases.open("scheduler", engine);
        return databases.database();
    }

    /** A handler that writes a row (an outbox entry naming the timer) and remembers each call. */
    private static final class Recording implements TimerHandler {
        final List<String> calls = new ArrayList<>();
        private final Outbox outbox = new Outbox(Clock.fixed(T0, ZoneOffset.UTC));

        @Override
        public void fire(javax.persistence.EntityManager em, long refId, Instant dueAt) {
            outbox.add(em, Outbox.EVENT, "test/timer/FIRED", Map.of("refId", refId, "dueAt", dueAt.toString()));
            calls.add(refId + "@" + dueAt);
        }
    }

    /** What a recorded handler does after its call is recorded; it gets the scheduler, to cancel or schedule timers. */
    private interface Then {
        void fire(Scheduler scheduler, javax.persistence.EntityManager em, long refId, Instant dueAt);
    }

    /** A scheduler on a fresh database, its clock at T0 for the test to move, and the refIds its TIMEOUT handler was called with. */
    private record Recorded(Database db, SettableClock clock, Scheduler scheduler, List<Long> calls) {
    }

    /** The batch tests' setup: the TIMEOUT handler records each call, then does what {@code then} says. */
    private Recorded recordedScheduler(Engine engine, Then then) throws Exception {
        Database db = open(engine);
        SettableClock clock = new SettableClock(T0);
        Scheduler scheduler = new Scheduler(db, clock);
        List<Long> calls = new ArrayList<>();
        scheduler.handle(TIMEOUT, (em, refId, dueAt) -> {
            calls.add(refId);
            then.fire(scheduler, em, refId, dueAt);
        });
        return new Recorded(db, clock, scheduler, calls);
    }

    private static void schedule(Database db, Scheduler scheduler, String kind, long refId, Instant dueAt) {
        db.inTransaction(em -> {
            scheduler.schedule(em, kind, refId, dueAt);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDueTimerFiresOnceWithTheHandlersWritesAndIsDeleted(Engine engine) throws Exception {
        Database db = open(engine);
        SettableClock clock = new SettableClock(T0);
        Scheduler scheduler = new Scheduler(db, clock);
        Recording handler = new Recording();
        scheduler.handle(TIMEOUT, handler);
        schedule(db, scheduler, TIMEOUT, 7, T0.plusSeconds(60));

        clock.set(T0.plusSeconds(59));
        assertEquals(0, scheduler.runDue(10), "nothing fires before it is due");
        assertEquals(List.of(), handler.calls);
        assertEquals(1, databases.count("scheduled_task"));

        clock.set(T0.plusSeconds(60));
        assertEquals(1, scheduler.runDue(10));
        assertEquals(List.of("7@" + T0.plusSeconds(60)), handler.calls);
        assertEquals(0, databases.count("scheduled_task"), "a fired timer is deleted");
        assertEquals(1, databases.count("outbox"), "the handler's writes committed with the removal");

        clock.set(T0.plusSeconds(3600));
        assertEquals(0, scheduler.runDue(10), "a fired timer never fires again");
        assertEquals(1, handler.calls.size());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTimerOfARolledBackTransactionDoesNotExist(Engine engine) throws Exception {
        Database db = open(engine);
        Scheduler scheduler = new Scheduler(db, Clock.fixed(T0, ZoneOffset.UTC));
        assertThrows(IllegalStateException.class, () -> db.inTransaction(em -> {
            scheduler.schedule(em, TIMEOUT, 1, T0);
            throw new IllegalStateException("the change that needed the timer fails");
        }));
        assertEquals(0, databases.count("scheduled_task"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTimerThatFellDueWhileTheServerWasDownFiresOnceAfterStart(Engine engine) throws Exception {
        Database before = open(engine);
        Scheduler stopped = new Scheduler(before, Clock.fixed(T0, ZoneOffset.UTC));
        stopped.handle(TIMEOUT, new Recording());
        schedule(before, stopped, TIMEOUT, 41, T0.plus(Duration.ofHours(2)));
        schedule(before, stopped, TIMEOUT, 42, T0.plus(Duration.ofDays(3)));
        // the server is down for a day: a new persistence unit and scheduler with a later clock
        Database after = databases.secondNode();
        Scheduler restarted = new Scheduler(after, Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        Recording handler = new Recording();
        restarted.handle(TIMEOUT, handler);
        assertEquals(1, restarted.runDue(10));
        assertEquals(0, restarted.runDue(10));
        assertEquals(List.of("41@" + T0.plus(Duration.ofHours(2))), handler.calls, "fired once, with the time it was due");
        assertEquals(1, databases.count("scheduled_task"), "the timer due later still waits");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cancelledTimersNeverFire(Engine engine) throws Exception {
        Database db = open(engine);
        SettableClock clock = new SettableClock(T0);
        Scheduler scheduler = new Scheduler(db, clock);
        Recording timeouts = new Recording();
        Recording reminders = new Recording();
        scheduler.handle(TIMEOUT, timeouts);
        scheduler.handle("test.reminder", reminders);
        schedule(db, scheduler, TIMEOUT, 1, T0.plusSeconds(10));
        schedule(db, scheduler, "test.reminder", 1, T0.plusSeconds(5));
        schedule(db, scheduler, TIMEOUT, 2, T0.plusSeconds(10));
        schedule(db, scheduler, "test.reminder", 2, T0.plusSeconds(5));
        schedule(db, scheduler, TIMEOUT, 3, T0.plusSeconds(10));

        assertEquals(1, (int) db.inTransaction(em -> scheduler.cancel(em, TIMEOUT, 1)), "only that kind for that id");
        assertEquals(2, (int) db.inTransaction(em -> scheduler.cancelAll(em, 2)), "every kind for that id");
        // scheduled and cancelled in one transaction: never written
        assertEquals(1, (int) db.inTransaction(em -> {
            scheduler.schedule(em, TIMEOUT, 4, T0.plusSeconds(10));
            return scheduler.cancel(em, TIMEOUT, 4);
        }));
        // a cancellation that rolls back cancels nothing
        assertThrows(IllegalStateException.class, () -> db.inTransaction(em -> {
            scheduler.cancelAll(em, 3);
            throw new IllegalStateException("the change that cancels fails");
        }));

        clock.set(T0.plusSeconds(10));
        assertEquals(2, scheduler.runDue(10));
        assertEquals(List.of("3@" + T0.plusSeconds(10)), timeouts.calls);
        assertEquals(List.of("1@" + T0.plusSeconds(5)), reminders.calls);
        assertEquals(0, databases.count("scheduled_task"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHandlerMayCancelItsOwnTimerAndScheduleTheNext(Engine engine) throws Exception {
        // an escalation: fires, clears what is left for the id, and sets the next timer
        Recorded escalation = recordedScheduler(engine, (scheduler, em, refId, dueAt) -> {
            scheduler.cancelAll(em, refId);
            scheduler.schedule(em, TIMEOUT, refId, dueAt.plus(Duration.ofHours(1)));
        });
        Scheduler scheduler = escalation.scheduler();
        schedule(escalation.db(), scheduler, TIMEOUT, 9, T0);
        assertEquals(1, scheduler.runDue(10));
        assertEquals(1, databases.count("scheduled_task"), "the next timer, not the fired one");
        assertEquals(0, scheduler.runDue(10));
        escalation.clock().set(T0.plus(Duration.ofHours(1)));
        assertEquals(1, scheduler.runDue(10));
        assertEquals(List.of(9L, 9L), escalation.calls());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingHandlerRollsBackItsWritesIsRetriedWithGrowingPausesThenGivenUp(Engine engine) throws Exception {
        Database db = open(engine);
        SettableClock clock = new SettableClock(T0);
        Scheduler scheduler = new Scheduler(db, clock);
        Recording writes = new Recording();
        List<Instant> attempts = new ArrayList<>();
        scheduler.handle(TIMEOUT, (em, refId, dueAt) -> {
            writes.fire(em, refId, dueAt);
            attempts.add(clock.instant());
            throw new IllegalStateException("the approval it times out is locked");
        });
        schedule(db, scheduler, TIMEOUT, 5, T0);

        assertEquals(1, scheduler.runDue(10), "a failed attempt counts as taken");
        assertEquals(0, databases.count("outbox"), "the handler's writes were rolled back");
        assertEquals(1, attempts(), "the attempt is counted");
        assertEquals(T0.plusSeconds(10), dueAt(), "tried again after 10 s");

        clock.set(T0.plusSeconds(9));
        assertEquals(0, scheduler.runDue(10), "not before the pause is over");
        clock.set(T0.plusSeconds(10));
        assertEquals(1, scheduler.runDue(10));
        assertEquals(2, attempts());
        assertEquals(T0.plusSeconds(30), dueAt(), "then after 20 s");

        for (int attempt = 3; attempt <= Retries.MAX_ATTEMPTS; attempt++) {
            clock.set(dueAt());
            assertEquals(1, scheduler.runDue(10));
        }
        assertEquals(Retries.MAX_ATTEMPTS, attempts.size());
        assertEquals(0, databases.count("scheduled_task"), "given up after the last attempt");
        assertEquals(0, databases.count("outbox"), "no attempt left a write behind");
        clock.set(T0.plus(Duration.ofDays(1)));
        assertEquals(0, scheduler.runDue(10));
        assertEquals(Retries.MAX_ATTEMPTS, attempts.size());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTimerOfAKindWithoutHandlerStaysAndDoesNotHoldBackOthers(Engine engine) throws Exception {
        Database db = open(engine);
        Scheduler scheduler = new Scheduler(db, Clock.fixed(T0, ZoneOffset.UTC));
        Recording handler = new Recording();
        scheduler.handle(TIMEOUT, handler);
        for (int i = 1; i <= 5; i++) {
            schedule(db, scheduler, "sla.breach", i, T0.minusSeconds(60)); // due earlier, no handler here
        }
        schedule(db, scheduler, TIMEOUT, 100, T0);
        assertEquals(1, scheduler.runDue(2));
        assertEquals(List.of("100@" + T0), handler.calls);
        assertEquals(0, scheduler.runDue(2));
        assertEquals(5, databases.count("scheduled_task"), "timers without a handler are left, not deleted");
        // a newer bundle version brings the handler
        Recording breaches = new Recording();
        scheduler.handle("sla.breach", breaches);
        assertEquals(5, scheduler.runDue(10));
        assertEquals(5, breaches.calls.size());
        assertEquals(0, databases.count("scheduled_task"));
    }

    @Test
    void kindsAndLimitsAreChecked() throws Exception {
        Database db = open(Engine.DERBY);
        Scheduler scheduler = new Scheduler(db, Clock.fixed(T0, ZoneOffset.UTC));
        scheduler.handle(TIMEOUT, new Recording());
        assertThrows(IllegalStateException.class, () -> scheduler.handle(TIMEOUT, new Recording()), "one handler per kind");
        assertThrows(IllegalArgumentException.class, () -> scheduler.handle(" ", new Recording()));
        assertThrows(IllegalArgumentException.class, () -> db.inTransaction(em -> {
            scheduler.schedule(em, "x".repeat(51), 1, T0);
            return null;
        }));
        assertThrows(IllegalArgumentException.class, () -> scheduler.runDue(0));
        assertEquals(0, databases.count("scheduled_task"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPollingWorkerFiresTimersAsTheyFallDue(Engine engine) throws Exception {
        Database db = open(engine);
        Scheduler scheduler = new Scheduler(db, Clock.systemUTC());
        CountDownLatch fired = new CountDownLatch(3);
        scheduler.handle(TIMEOUT, (em, refId, dueAt) -> fired.countDown());
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            schedule(db, scheduler, TIMEOUT, i, now.plusMillis(200L * i));
        }
        PollingWorker worker = PollingWorker.start("atrium-scheduler-test", scheduler::runDue, Duration.ofMillis(50));
        try {
            assertTrue(fired.await(10, TimeUnit.SECONDS), "every timer fired");
        } finally {
            worker.stop();
        }
        assertEquals(0, databases.count("scheduled_task"));
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "POSTGRESQL")
    void twoNodesRunningAtOnceFireEachTimerExactlyOnce(Engine engine) throws Exception {
        Database first = open(engine);
        Database second = databases.secondNode();
        int timers = 300;
        Scheduler writer = new Scheduler(first, Clock.fixed(T0, ZoneOffset.UTC));
        first.inTransaction(em -> {
            for (int i = 0; i < timers; i++) {
                writer.schedule(em, TIMEOUT, i, T0.plusMillis(i));
            }
            return null;
        });
        Map<Long, Integer> firings = new ConcurrentHashMap<>();
        Clock later = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
        List<Scheduler> nodes = List.of(new Scheduler(first, later), new Scheduler(second, later));
        Outbox outbox = new Outbox(later);
        for (Scheduler node : nodes) {
            node.handle(TIMEOUT, (em, refId, dueAt) -> {
                outbox.add(em, Outbox.EVENT, "test/timer/FIRED", Map.of("refId", refId));
                firings.merge(refId, 1, Integer::sum);
                try {
                    Thread.sleep(1); // a handler that takes a moment, so that the nodes overlap
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Scheduler node : nodes) {
                Callable<Integer> drain = () -> {
                    int total = 0;
                    while (databases.count("scheduled_task") > 0 && System.nanoTime() < deadline) {
                        total += node.runDue(25);
                    }
                    return total;
                };
                runs.add(pool.submit(drain));
            }
            int byFirst = runs.get(0).get();
            int bySecond = runs.get(1).get();
            assertEquals(timers, byFirst + bySecond);
            assertTrue(byFirst > 0 && bySecond > 0, "both nodes fired: " + byFirst + " and " + bySecond);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(timers, firings.size());
        assertTrue(firings.values().stream().allMatch(n -> n == 1), "no timer fired twice: " + firings);
        assertEquals(timers, databases.count("outbox"), "one committed write per timer");
        assertEquals(0, databases.count("scheduled_task"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunReadsOnlyWhatIsDueThroughTheIndex(Engine engine) throws Exception {
        Database db = open(engine);
        int waiting = 20_000;
        try (var connection = databases.dataSource().getConnection();
             var insert = connection.prepareStatement("INSERT INTO scheduled_task (id, kind, ref_id, due_at, created_at, attempts)"
                     + " VALUES (?, ?, ?, ?, ?, 0)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < waiting + 5; i++) {
                boolean due = i >= waiting;
                insert.setLong(1, 1_000_000 + i);
                insert.setString(2, TIMEOUT);
                insert.setLong(3, i);
                insert.setTimestamp(4, Timestamp.from(due ? T0.minusSeconds(i - waiting) : T0.plus(Duration.ofDays(1 + i % 365))));
                insert.setTimestamp(5, Timestamp.from(T0.minus(Duration.ofDays(1))));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
            String plan = plan(connection, engine);
            connection.commit();
            assertTrue(plan.toLowerCase(java.util.Locale.ROOT).contains("scheduled_task_due"), "the due timers are read through their index: " + plan);
        }
        Scheduler scheduler = new Scheduler(db, Clock.fixed(T0, ZoneOffset.UTC));
        Recording handler = new Recording();
        scheduler.handle(TIMEOUT, handler);
        Scheduler earlier = new Scheduler(db, Clock.fixed(T0.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        earlier.handle(TIMEOUT, handler);
        assertEquals(0, earlier.runDue(100), "nothing is due a day earlier"); // also compiles the queries before the timing
        long start = System.nanoTime();
        assertEquals(5, scheduler.runDue(100));
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        System.out.println("runDue on " + engine + ": 5 due of " + (waiting + 5) + " timers in " + micros + " us");
        assertEquals(List.of("20004@" + T0.minusSeconds(4), "20003@" + T0.minusSeconds(3), "20002@" + T0.minusSeconds(2),
                "20001@" + T0.minusSeconds(1), "20000@" + T0), handler.calls, "earliest first");
        assertEquals(waiting, databases.count("scheduled_task"));
    }

    /** How the database runs the scheduler's query for due timers, with the table full of timers that wait. */
    private static String plan(java.sql.Connection connection, Engine engine) throws SQLException {
        String sql = Scheduler.dueSql(1, 100);
        if (engine == Engine.POSTGRESQL) {
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE scheduled_task");
            }
            try (var explain = connection.prepareStatement("EXPLAIN " + sql)) {
                explain.setTimestamp(1, Timestamp.from(T0));
                explain.setString(2, TIMEOUT);
                StringBuilder plan = new StringBuilder();
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        try (var query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(T0));
            query.setString(2, TIMEOUT);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    // read to the end, so that the statistics describe the whole run
                }
            }
        }
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Timers fire several per transaction; one that throws costs the others nothing and is tried once per run. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingTimerInABatchNeitherBlocksNorLosesTheOthers(Engine engine) throws Exception {
        Recording writes = new Recording();
        Recorded batch = recordedScheduler(engine, (scheduler, em, refId, dueAt) -> {
            writes.fire(em, refId, dueAt);
            if (refId == 13) {
                throw new IllegalStateException("this one is broken");
            }
        });
        int timers = Scheduler.BATCH + 10; // more than a batch: the failure is in the first
        batch.db().inTransaction(em -> {
            for (int i = 0; i < timers; i++) {
                batch.scheduler().schedule(em, TIMEOUT, i, T0.plusMillis(i));
            }
            return null;
        });
        batch.clock().set(T0.plusSeconds(1));
        assertEquals(timers, batch.scheduler().runDue(100), "every timer taken: fired, or postponed after its failure");
        List<Long> calls = batch.calls();
        assertEquals(1, calls.stream().filter(id -> id == 13).count(), "the broken handler ran once in this run");
        assertEquals(timers - 1, databases.count("outbox"), "the others' writes committed, the broken one's not");
        assertEquals(1, databases.count("scheduled_task"), "only the broken timer is left");
        assertEquals(1, attempts());
        assertEquals(T0.plusSeconds(1).plusSeconds(10), dueAt(), "tried again after the first pause");
        for (long id = 0; id < timers; id++) {
            assertTrue(calls.contains(id), "fired: " + id);
        }
    }

    /** A handler that cancels another due timer of its batch: the cancelled one does not fire. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTimerCancelledByAnEarlierHandlerOfItsBatchDoesNotFire(Engine engine) throws Exception {
        // e.g. an SLA check that times its ticket's other clock anew
        Recorded batch = recordedScheduler(engine, (scheduler, em, refId, dueAt) -> scheduler.cancel(em, TIMEOUT, refId + 1));
        Scheduler scheduler = batch.scheduler();
        schedule(batch.db(), scheduler, TIMEOUT, 1, T0);
        schedule(batch.db(), scheduler, TIMEOUT, 2, T0.plusMillis(1));
        schedule(batch.db(), scheduler, TIMEOUT, 4, T0.plusMillis(2));
        batch.clock().set(T0.plusSeconds(1));
        assertEquals(2, scheduler.runDue(10));
        assertEquals(List.of(1L, 4L), batch.calls());
        assertEquals(0, databases.count("scheduled_task"));
    }

    private int attempts() throws SQLException {
        try (var connection = databases.dataSource().getConnection();
             var result = connection.createStatement().executeQuery("SELECT attempts FROM scheduled_task")) {
            assertTrue(result.next(), "the timer is still there");
            return result.getInt(1);
        }
    }

    private Instant dueAt() throws SQLException {
        try (var connection = databases.dataSource().getConnection();
             var result = connection.createStatement().executeQuery("SELECT due_at FROM scheduled_task")) {
            assertTrue(result.next(), "the timer is still there");
            Timestamp due = result.getTimestamp(1);
            return due.toInstant();
        }
    }
}
