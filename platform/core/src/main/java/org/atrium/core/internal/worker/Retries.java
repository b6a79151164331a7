package org.atrium.core.internal.worker;

import java.time.Duration;

/**
 * How often and how far apart work that failed (an outbox delivery, a timer's handler) is tried
 * again: a receiver that is down for a while is not hammered, and work that can never succeed is
 * given up (with an error in the log) instead of being retried forever.
 */
public final class Retries {
    /** After this many failed attempts the work is given up. */
    public static final int MAX_ATTEMPTS = 8;
    public static final Duration MAX_PAUSE = Duration.ofHours(1);

    private Retries() {
    }

    /** The pause after the given number of failed attempts: 10 s, 20 s, 40 s, ... at most an hour. */
    public static Duration backoff(int attempts) {
        return backoff(Duration.ofSeconds(10), attempts);
    }

    /** The same from another first pause (webhooks make theirs configurable): base, twice that, ... at most an hour. */
    public static Duration backoff(Duration base, int attempts) {
        Duration pause = base.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
