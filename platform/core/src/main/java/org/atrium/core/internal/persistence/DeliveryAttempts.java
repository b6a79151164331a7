package org.atrium.core.internal.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * The attempts of work that is retried (an outbox entry, a webhook delivery), mapped onto the
 * {@code attempts} and {@code next_attempt_at} columns that both tables share and that
 * {@link org.atrium.core.internal.worker.DueRows} claims by: how many attempts failed or were made,
 * and when the row is due next (null once it is due no more; the outbox's column is NOT NULL, since
 * its rows are removed instead).
 */
@Embeddable
public class DeliveryAttempts {
    @Column(name = "attempts", nullable = false)
    private int count;
    @Column(name = "next_attempt_at")
    private Instant nextAt;

    protected DeliveryAttempts() {
    }

    /** No attempt yet, the first due at {@code firstAt}. */
    public DeliveryAttempts(Instant firstAt) {
        this.nextAt = firstAt;
    }

    public int count() { return count; }
    public Instant nextAt() { return nextAt; }

    /** Claims the row until {@code until}: no other run takes it before, and a run that dies leaves it due then. */
    public void leaseUntil(Instant until) {
        this.nextAt = until;
    }

    /** Counts a successful attempt; the row is due no more. Returns the attempt's number (1 for the first). */
    public int succeeded() {
        count++;
        nextAt = null;
        return count;
    }

    /** Whether the attempt being made is the last of {@code maxAttempts}: if it fails, the work is given up. */
    public boolean isLast(int maxAttempts) {
        return count + 1 >= maxAttempts;
    }

    /**
     * Counts a failed attempt: the row is due again after {@code backoff} of the attempts so far, or,
     * at {@code maxAttempts}, given up (due no more). Returns the pause, empty when given up.
     */
    public Optional<Duration> failed(Instant now, int maxAttempts, IntFunction<Duration> backoff) {
        boolean last = isLast(maxAttempts);
        count++;
        if (last) {
            nextAt = null;
            return Optional.empty();
        }
        Duration pause = backoff.apply(count);
        nextAt = now.plus(pause);
        return Optional.of(pause);
    }
}
