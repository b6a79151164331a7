package org.atrium.rest.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.atrium.api.session.SessionLimits;
import org.junit.jupiter.api.Test;

/** The expiry math: 30 idle minutes, at most 10 hours after sign-in, whichever comes first. */
class SessionLimitsTest {
    private static final SessionLimits LIMITS = SessionLimits.of(30, 10);
    private static final Instant SIGN_IN = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aFreshSessionEndsAfterTheIdleTime() {
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"), LIMITS.expiresAt(SIGN_IN, SIGN_IN));
        assertFalse(LIMITS.expired(SIGN_IN, SIGN_IN, Instant.parse("2026-03-02T08:29:59Z")));
        assertTrue(LIMITS.expired(SIGN_IN, SIGN_IN, Instant.parse("2026-03-02T08:30:00Z")), "the end itself is past");
    }

    @Test
    void useMovesTheIdleEndButNeverPastTheMaximum() {
        assertEquals(Instant.parse("2026-03-02T12:30:00Z"), LIMITS.expiresAt(SIGN_IN, Instant.parse("2026-03-02T12:00:00Z")));
        assertEquals(Instant.parse("2026-03-02T18:00:00Z"), LIMITS.expiresAt(SIGN_IN, Instant.parse("2026-03-02T17:45:00Z")));
        assertTrue(LIMITS.expired(SIGN_IN, Instant.parse("2026-03-02T17:59:00Z"), Instant.parse("2026-03-02T18:00:00Z")));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Duration.ofMinutes(1), Duration.ofHours(-1)));
    }
}
