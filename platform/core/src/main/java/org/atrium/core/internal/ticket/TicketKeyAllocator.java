package org.atrium.core.internal.ticket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Hands out human key numbers per prefix (IT-1, IT-2, ...) without a database round trip or a
 * lock held across the ticket's transaction. Each prefix is seeded once from the highest number
 * stored; the unique constraint on (key_prefix, key_number) backs this up. A number whose
 * transaction rolls back is not reused, so keys may have gaps, never duplicates. One node only:
 * several nodes on one database need a database sequence per prefix instead.
 */
final class TicketKeyAllocator {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final ToLongFunction<String> highestStored;

    TicketKeyAllocator(ToLongFunction<String> highestStored) {
        this.highestStored = highestStored;
    }

    long next(String prefix) {
        return counters.computeIfAbsent(prefix, p -> new AtomicLong(highestStored.applyAsLong(p))).incrementAndGet();
    }

    static String key(String prefix, long number) {
        return prefix + "-" + number;
    }
}
