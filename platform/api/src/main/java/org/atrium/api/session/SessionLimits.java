package org.atrium.api.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a session lives: {@code idle} after it was last used, and at most {@code max} after sign-in.
 * The limits are applied when a session is read, so a changed configuration applies to every session.
 */
public record SessionLimits(Duration idle, Duration max) {
    public SessionLimits {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(max, "max");
        if (idle.isNegative() || idle.isZero() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("Session limits must be positive");
        }
    }

    public static SessionLimits of(int idleMinutes, int maxHours) {
        return new SessionLimits(Duration.ofMinutes(idleMinutes), Duration.ofHours(maxHours));
    }

    /** When a session created and last used at these times ends: the earlier of its idle and its absolute end. */
    public Instant expiresAt(Instant createdAt, Instant lastSeenAt) {
        Instant idleEnd = lastSeenAt.plus(idle);
        Instant absoluteEnd = createdAt.plus(max);
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }

    /** Whether a session created and last used at these times has ended at {@code now} (its end itself is past). */
    public boolean expired(Instant createdAt, Instant lastSeenAt, Instant now) {
        return !now.isBefore(expiresAt(createdAt, lastSeenAt));
    }
}
