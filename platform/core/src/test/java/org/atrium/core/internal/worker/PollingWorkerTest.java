package org.atrium.core.internal.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The background thread shared by the outbox and the scheduler: when it runs, how long it keeps going, what ends it. */
class PollingWorkerTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aNudgeRunsAtOnceOnTheNamedThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        PollingWorker worker = PollingWorker.start("atrium-test", limit -> {
            threads.add(Thread.currentThread().getName());
            ran.countDown();
            return 0;
        }, HOUR);
        try {
            worker.nudge();
            assertTrue(ran.await(5, TimeUnit.SECONDS), "ran long before the hour's poll");
            assertEquals("atrium-test", threads.get(0));
        } finally {
            worker.stop();
        }
    }

    @Test
    void itPollsWithoutNudges() throws Exception {
        CountDownLatch polls = new CountDownLatch(3);
        PollingWorker worker = PollingWorker.start("atrium-test", limit -> {
            polls.countDown();
            return 0;
        }, Duration.ofMillis(20));
        try {
            assertTrue(polls.await(5, TimeUnit.SECONDS));
        } finally {
            worker.stop();
        }
    }

    @Test
    void fullBatchesAreFollowedAtOnceByTheNext() throws Exception {
        // a backlog of 250: two full batches and the rest, in one wake-up
        AtomicInteger backlog = new AtomicInteger(250);
        List<Integer> limits = new CopyOnWriteArrayList<>();
        CountDownLatch drained = new CountDownLatch(1);
        PollingWorker worker = PollingWorker.start("atrium-test", limit -> {
            limits.add(limit);
            int taken = Math.min(limit, backlog.get());
            if (backlog.addAndGet(-taken) == 0) {
                drained.countDown();
            }
            return taken;
        }, HOUR);
        try {
            worker.nudge();
            assertTrue(drained.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertEquals(List.of(PollingWorker.BATCH, PollingWorker.BATCH, PollingWorker.BATCH), limits,
                    "three runs for one nudge, none after a batch that was not full");
        } finally {
            worker.stop();
        }
    }

    @Test
    void aFailedRunDoesNotEndTheThread() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        PollingWorker worker = PollingWorker.start("atrium-test", limit -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            second.countDown();
            return 0;
        }, Duration.ofMillis(20));
        try {
            assertTrue(second.await(5, TimeUnit.SECONDS), "ran again after the failure");
        } finally {
            worker.stop();
        }
    }

    @Test
    void stopEndsTheThread() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PollingWorker worker = PollingWorker.start("atrium-test-stop", limit -> {
            runs.incrementAndGet();
            return 0;
        }, Duration.ofMillis(10));
        worker.stop();
        int afterStop = runs.get();
        worker.nudge();
        Thread.sleep(100);
        assertEquals(afterStop, runs.get(), "no run after stop");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("atrium-test-stop")));
    }

    @Test
    void stopLetsTheRunInProgressFinishUninterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> ends = new CopyOnWriteArrayList<>();
        PollingWorker worker = PollingWorker.start("atrium-test", limit -> {
            started.countDown();
            try {
                Thread.sleep(300); // a run that is in the middle of its transactions
                ends.add("finished");
            } catch (InterruptedException e) {
                ends.add("interrupted");
            }
            return 0;
        }, HOUR);
        worker.nudge();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        worker.stop();
        assertEquals(List.of("finished"), ends);
    }

    @Test
    void theRetryPausesDoubleFromTenSecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(10), Retries.backoff(1));
        assertEquals(Duration.ofSeconds(20), Retries.backoff(2));
        assertEquals(Duration.ofSeconds(1280), Retries.backoff(8));
        assertEquals(Duration.ofSeconds(2560), Retries.backoff(9));
        assertEquals(Duration.ofHours(1), Retries.backoff(10));
        assertEquals(Duration.ofHours(1), Retries.backoff(100));
        assertThrows(IllegalArgumentException.class, () -> PollingWorker.start("atrium-test", limit -> 0, Duration.ZERO));
    }
}
