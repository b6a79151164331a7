package org.atrium.core.internal.persistence;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/** Whether a failure means "the database rolled this transaction back to break a deadlock": worth one more try. */
final class DeadlockVictim {
    /** Derby's deadlock (and the SQL standard's serialization failure), PostgreSQL's deadlock. */
    private static final java.util.Set<String> STATES = java.util.Set.of("40001", "40P01");

    private DeadlockVictim() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A few milliseconds, growing and random, so that the two transactions do not meet again at once. */
    static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
