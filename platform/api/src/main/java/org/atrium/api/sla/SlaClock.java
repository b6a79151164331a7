package org.atrium.api.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One clock of a ticket, recomputed from its history: what {@code GET /tickets/{key}/sla} shows.
 *
 * @param key       the policy's clock key
 * @param names     its names per language tag
 * @param kind      {@code sla} or {@code ola}
 * @param state     {@code running}, {@code paused}, {@code met}, {@code breached} (stopped or still running
 *                  past its due time), {@code cancelled}, or {@code waiting} (not started yet)
 * @param priority  the priority whose target applies
 * @param target    that target, in business time
 * @param calendar  the calendar it counts in
 * @param elapsed   business time counted so far
 * @param remaining target minus elapsed (negative once breached)
 * @param dueAt     when it breaches if it keeps running; null unless running
 * @param warnAt    when it warns (the policy's warning share of the target) if it keeps running, or when it warned;
 *                  null unless running
 * @param stoppedAt when it stopped; null unless met, breached after stopping, or cancelled
 * @param segments  its life, segment by segment, each with the history row that caused it
 */
public record SlaClock(String key, Map<String, String> names, String kind, String state, String priority, Duration target, String calendar,
        Duration elapsed, Duration remaining, Instant dueAt, Instant warnAt, Instant stoppedAt, List<SlaSegment> segments) {
    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String MET = "met";
    public static final String BREACHED = "breached";
    public static final String CANCELLED = "cancelled";

    public SlaClock {
        names = Map.copyOf(names);
        segments = List.copyOf(segments);
    }
}
