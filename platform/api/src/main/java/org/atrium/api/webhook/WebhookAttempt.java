package org.atrium.api.webhook;

import java.time.Instant;

/**
 * One attempt to deliver an event to a subscription: when, which attempt of that delivery, the
 * receiver's HTTP status (null when none came) or the error, and how long it took.
 * {@code outcome} is {@code delivered} (2xx) or {@code failed}.
 */
public record WebhookAttempt(long id, long delivery, String eventId, String eventType, String ticket, int attempt, Instant at,
        Integer httpStatus, String error, long durationMillis, String outcome) {
}
