package org.atrium.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A stretch of working time, start inclusive, end exclusive: what an SLA explanation shows as counted. */
public record WorkingInterval(Instant start, Instant end) {
    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a working interval ends after it starts: " + start + " to " + end);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
