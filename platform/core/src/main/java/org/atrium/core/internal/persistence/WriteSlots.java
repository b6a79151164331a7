package org.atrium.core.internal.persistence;

import java.util.concurrent.Semaphore;

/**
 * At most this many units of work write at once on this node. A writing unit holds a pooled
 * connection and may need a second one while it does (EclipseLink takes a block of ids on a sequence
 * connection, {@link PersonIdIssuer} a new person id): with every connection of the pool held by
 * writers that each wait for one more, the node stood still (32 creating clients on a pool of 16).
 * Half the pool for writers leaves a second connection for each. Re-entrant per thread: a unit of
 * work that runs another on its thread does not wait for itself.
 */
final class WriteSlots {
    /** Half of the shipped pool (jdbc.pool.maxTotal = 16). */
    static final int DEFAULT = 8;
    private final Semaphore slots;
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

    WriteSlots(int count) {
        this.slots = new Semaphore(count, true);
    }

    void enter() {
        int[] depth = held.get();
        if (depth[0] == 0) {
            slots.acquireUninterruptibly();
        }
        depth[0]++;
    }

    void leave() {
        int[] depth = held.get();
        depth[0]--;
        if (depth[0] == 0) {
            held.remove();
            slots.release();
        }
    }
}
