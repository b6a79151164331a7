package org.atrium.api.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of a clock's life between two history rows: counted (running) or paused, with the
 * business time it counted and the history row that began it.
 *
 * @param from         when it began
 * @param to           when it ended; null while it lasts
 * @param state        {@code running} or {@code paused}
 * @param businessTime the business time it counted (zero while paused)
 * @param historyId    the id of the history row that began it ({@code GET /tickets/{key}/history})
 * @param cause        that row in words, e.g. {@code status: new -> waiting-for-requester}
 */
public record SlaSegment(Instant from, Instant to, String state, Duration businessTime, long historyId, String cause) {
}
