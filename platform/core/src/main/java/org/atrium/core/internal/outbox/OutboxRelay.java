package org.atrium.core.internal.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that delivers the outbox: at once when a change was committed on this node
 * ({@link #nudge()}), and every second for what another node wrote, what failed before, or what a
 * crash left behind. A slow receiver delays the outbox, never the request that caused the entry.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private final OutboxDelivery delivery;
    private final long pollMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean nudged;
    private volatile boolean running = true;
    private final Thread thread;

    public OutboxRelay(OutboxDelivery delivery, long pollMillis) {
        this.delivery = delivery;
        this.pollMillis = pollMillis;
        this.thread = new Thread(this::run, "atrium-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** Something was committed: deliver now rather than at the next poll. */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                awaitWork();
                while (running && delivery.deliverDue(BATCH) == BATCH) {
                    // a backlog: keep going
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Outbox delivery failed; trying again: {}", e.toString());
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
