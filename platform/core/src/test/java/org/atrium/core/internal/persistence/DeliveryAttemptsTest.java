package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.atrium.core.internal.worker.Retries;
import org.junit.jupiter.api.Test;

/** The attempt fields that outbox entries and webhook deliveries share: counted, due again after the backoff, given up, leased. */
class DeliveryAttemptsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aFailureIsDueAgainAfterTheBackoffOfTheAttemptsSoFar() {
        DeliveryAttempts attempts = new DeliveryAttempts(T0);
        assertEquals(0, attempts.count());
        assertEquals(T0, attempts.nextAt(), "due at once");
        assertEquals(Optional.of(Duration.ofSeconds(10)), attempts.failed(T0, 3, Retries::backoff));
        assertEquals(T0.plusSeconds(10), attempts.nextAt());
        assertEquals(Optional.of(Duration.ofSeconds(20)), attempts.failed(T0.plusSeconds(10), 3, Retries::backoff));
        assertEquals(T0.plusSeconds(30), attempts.nextAt());
        assertEquals(2, attempts.count());
    }

    @Test
    void theLastFailedAttemptGivesUp() {
        DeliveryAttempts attempts = new DeliveryAttempts(T0);
        assertFalse(attempts.isLast(2));
        attempts.failed(T0, 2, Retries::backoff);
        assertTrue(attempts.isLast(2), "the second of two");
        assertEquals(Optional.empty(), attempts.failed(T0, 2, Retries::backoff));
        assertEquals(2, attempts.count());
        assertNull(attempts.nextAt(), "due no more");
    }

    @Test
    void aSuccessIsCountedAndEndsTheWork() {
        DeliveryAttempts attempts = new DeliveryAttempts(T0);
        attempts.failed(T0, 8, Retries::backoff);
        assertEquals(2, attempts.succeeded());
        assertNull(attempts.nextAt());
    }

    @Test
    void aLeaseMovesTheNextAttemptWithoutCountingOne() {
        DeliveryAttempts attempts = new DeliveryAttempts(T0);
        attempts.leaseUntil(T0.plus(Duration.ofMinutes(5)));
        assertEquals(T0.plus(Duration.ofMinutes(5)), attempts.nextAt());
        assertEquals(0, attempts.count());
    }
}
