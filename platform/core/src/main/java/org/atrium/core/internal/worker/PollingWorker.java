package org.atrium.core.internal.worker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that drains work kept in the database (outbox entries, due timers): at once
 * when this node just committed some ({@link #nudge()}), and every poll interval for what another
 * node wrote, what failed before, or what a crash left behind. While a run takes a full batch it runs
 * again at once (a backlog). One class for every such queue, so that each gets the same wake-up,
 * failure and shutdown behaviour instead of a hand-written thread of its own.
 */
public final class PollingWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PollingWorker.class);
    /** The most a run may take; a run that takes this many is followed by another at once. */
    public static final int BATCH = 100;
    private final String name;
    private final IntUnaryOperator batch;
    private final long pollMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean nudged;
    private volatile boolean running = true;
    private final Thread thread;
    /** When the thread last came round its loop, for the health check: a run that hangs stops it. */
    private volatile long lastLoopNanos = System.nanoTime();
    /** The workers of this bundle by name, for the health check; a worker that stopped is removed. */
    private static final Map<String, PollingWorker> STARTED = new ConcurrentHashMap<>();

    private PollingWorker(String name, IntUnaryOperator batch, Duration pollInterval) {
        this.name = Objects.requireNonNull(name, "name");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.pollMillis = pollInterval.toMillis();
        if (pollMillis < 1) {
            throw new IllegalArgumentException("the poll interval must be at least a millisecond: " + pollInterval);
        }
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /**
     * Starts a worker thread named {@code name}.
     *
     * @param batch takes the most it may do ({@link #BATCH}) and returns how many it took
     */
    public static PollingWorker start(String name, IntUnaryOperator batch, Duration pollInterval) {
        PollingWorker worker = new PollingWorker(name, batch, pollInterval);
        worker.thread.start();
        STARTED.put(name, worker);
        return worker;
    }

    /** Something was committed: run now rather than at the next poll. */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the thread after the run in progress, if any, waiting up to 5 s for it. Only a run that
     * takes longer is interrupted: an interrupt inside a JDBC call closes the connection (Derby:
     * "Connection closed by unknown interrupt") and fails the transaction it was in.
     */
    public void stop() {
        STARTED.remove(name, this);
        running = false;
        nudge();
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The workers started and not stopped, by thread name. */
    public static Map<String, PollingWorker> started() {
        return Map.copyOf(STARTED);
    }

    /** Whether the thread runs and came round its loop within {@code within}, and if not, why. */
    public String problem(Duration within) {
        if (!thread.isAlive()) {
            return "its thread " + name + " has ended";
        }
        long since = System.nanoTime() - lastLoopNanos;
        return since > within.toNanos() && since > 2 * pollMillis * 1_000_000
                ? "its thread " + name + " has not come round for " + since / 1_000_000_000 + " s (a run hangs)" : null;
    }

    private void run() {
        while (running) {
            lastLoopNanos = System.nanoTime();
            try {
                awaitWork();
                while (running && batch.applyAsInt(BATCH) >= BATCH) {
                    lastLoopNanos = System.nanoTime(); // a backlog: keep going
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("{}: a run failed; trying again at the next poll: {}", name, e.toString());
                }
            }
        }
    }

    private void awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!nudged) {
                work.await(pollMillis, TimeUnit.MILLISECONDS);
            }
            nudged = false;
        } finally {
            lock.unlock();
        }
    }
}
