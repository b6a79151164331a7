package org.atrium.core.internal.outbox;

import java.time.Duration;

import org.atrium.core.internal.worker.PollingWorker;

/**
 * The thread that delivers the outbox: at once when a change was committed on this node
 * ({@link #nudge()}), and every poll interval for what another node wrote, what failed before, or
 * what a crash left behind. A slow receiver delays the outbox, never the request that caused the
 * entry. The thread itself is a {@link PollingWorker}, the same kind that runs the durable timers.
 */
public final class OutboxRelay {
    private final PollingWorker worker;

    public OutboxRelay(OutboxDelivery delivery, long pollMillis) {
        this.worker = PollingWorker.start("atrium-outbox", delivery::deliverDue, Duration.ofMillis(pollMillis));
    }

    /** Something was committed: deliver now rather than at the next poll. */
    public void nudge() {
        worker.nudge();
    }

    public void stop() {
        worker.stop();
    }
}
