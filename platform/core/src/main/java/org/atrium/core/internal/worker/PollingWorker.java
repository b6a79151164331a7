package org.atrium.core.internal.worker;

import java.time.Duration;
import java.util.Objects;
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

    private void run() {
        while (running) {
            try {
                awaitWork();
                while (running && batch.applyAsInt(BATCH) >= BATCH) {
                    // a backlog: keep going
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
