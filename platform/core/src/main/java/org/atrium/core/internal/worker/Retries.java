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

    private Retries() {
    }

    /** The pause after the given number of failed attempts: 10 s, 20 s, 40 s, ... at most an hour. */
    public static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 10L << Math.min(Math.max(attempts, 1) - 1, 20)));
    }
}
