package org.atrium.api.ticket;

import java.time.Instant;

/**
 * One immutable change: who did what when, with the value before and after.
 * {@code action} is created, updated, transitioned or commented.
 */
public record HistoryEntry(long id, Instant at, String actor, String action, String field, String before, String after) {
}
