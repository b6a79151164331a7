package org.atrium.core.internal.outbox;

import java.util.Map;

/**
 * Delivers one kind of outbox entry (events, transition actions). Throwing means "not delivered":
 * the entry is tried again later, with a growing pause, a bounded number of times.
 */
@FunctionalInterface
public interface OutboxReceiver {
    void deliver(String name, Map<String, Object> payload);

    /** The same, knowing the entry's id (unique per event; mail notifications key on it so a redelivery queues no mail twice). */
    default void deliver(long entryId, String name, Map<String, Object> payload) {
        deliver(name, payload);
    }
}
