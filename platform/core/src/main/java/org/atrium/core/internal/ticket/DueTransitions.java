package org.atrium.core.internal.ticket;

import java.time.Instant;

/** Moves the tickets whose timed step is due (auto-close of resolved tickets); called by a sweep. */
public interface DueTransitions {
    /** Closes at most {@code limit} tickets due at {@code now}; returns how many it closed. */
    int closeDue(Instant now, int limit);
}
