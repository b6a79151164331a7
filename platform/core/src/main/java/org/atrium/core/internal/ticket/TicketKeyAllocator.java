package org.atrium.core.internal.ticket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.atrium.core.internal.persistence.Database;

/**
 * Hands out human key numbers per prefix (IT-1, IT-2, ...) from a counter row per prefix
 * (table ticket_key_counter), inside the ticket's own transaction: every node on the database
 * takes its numbers from the same row, so keys are unique across nodes. The row stays locked
 * until the ticket commits, so the ticket service takes the number last, right before its
 * inserts. A creation that rolls back gives its number back with the rollback; one that fails
 * after another node took the next number leaves a gap, never a duplicate. The unique constraint
 * on (key_prefix, key_number) backs this up.
 * <p>
 * Cost (TicketCreationCostTest, Derby on disk with durable commits, 2 busy cores): one client about
 * the same as the former per-JVM counter; 8 threads about half (~330 instead of ~690 tickets/s),
 * because creations of one prefix now commit one after the other while the row is locked.
 */
final class TicketKeyAllocator {
    private final Database db;
    /** Prefixes whose counter row is known to exist; the row is never deleted. */
    private final Set<String> counted = ConcurrentHashMap.newKeySet();

    TicketKeyAllocator(Database db) {
        this.db = db;
    }

    /** The next number of the prefix, taken in the caller's transaction (em) and locked until it ends. */
    long next(EntityManager em, String prefix) {
        ensureCounter(prefix);
        em.createNativeQuery("UPDATE ticket_key_counter SET last_number = last_number + 1 WHERE key_prefix = ?")
                .setParameter(1, prefix).executeUpdate();
        Object number = em.createNativeQuery("SELECT last_number FROM ticket_key_counter WHERE key_prefix = ?")
                .setParameter(1, prefix).getSingleResult();
        return ((Number) number).longValue();
    }

    /**
     * Creates the prefix's counter row in a short transaction of its own, before the ticket's
     * transaction touches it. Another node creating the same row at the same moment is no error.
     */
    private void ensureCounter(String prefix) {
        if (counted.contains(prefix)) {
            return;
        }
        synchronized (this) { // threads of this node wait for one insert; only other nodes can race it
            if (!counted.contains(prefix)) {
                insertCounter(prefix);
                counted.add(prefix);
            }
        }
    }

    private void insertCounter(String prefix) {
        try {
            db.inTransaction(em -> {
                if (!exists(em, prefix)) {
                    em.createNativeQuery("INSERT INTO ticket_key_counter (key_prefix, last_number) VALUES (?, 0)")
                            .setParameter(1, prefix).executeUpdate();
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (!db.read(em -> exists(em, prefix))) {
                throw e;
            } // else: another node created it first (duplicate key)
        }
    }

    private static boolean exists(EntityManager em, String prefix) {
        return !em.createNativeQuery("SELECT key_prefix FROM ticket_key_counter WHERE key_prefix = ?")
                .setParameter(1, prefix).getResultList().isEmpty();
    }

    static String key(String prefix, long number) {
        return prefix + "-" + number;
    }
}
