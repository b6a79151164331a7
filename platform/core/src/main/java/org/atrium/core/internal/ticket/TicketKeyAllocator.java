package org.atrium.core.internal.ticket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.KeySequences;

/**
 * Hands out human key numbers per prefix (IT-1, IT-2, ...) from a database sequence per prefix
 * ({@link KeySequences}), inside the ticket's own transaction: every node on the database takes its
 * numbers from the same sequence, so keys are unique across nodes, and taking one holds no lock
 * until the commit, so creations of one prefix do not wait for each other's commits (the counter
 * row this replaces did: 8 threads created about as fast as one). A creation that rolls back leaves
 * a gap, never a duplicate; the unique constraint on (key_prefix, key_number) backs this up.
 */
final class TicketKeyAllocator {
    private final Database db;
    /** Prefixes whose sequence is known to exist; a sequence is never dropped while the server runs. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    TicketKeyAllocator(Database db) {
        this.db = db;
    }

    /** The next number of the prefix, taken in the caller's transaction (em). */
    long next(EntityManager em, String prefix) {
        String sequence = KeySequences.name(prefix);
        ensureSequence(prefix, sequence);
        Object number = em.createNativeQuery(KeySequences.nextValueSql(db.dialect(), sequence)).getSingleResult();
        return ((Number) number).longValue();
    }

    /**
     * Creates the prefix's sequence (a department deployed after the migration) in a short transaction
     * of its own, before the ticket's transaction takes a number. Another node creating it at the same
     * moment is no error.
     */
    private void ensureSequence(String prefix, String sequence) {
        if (ready.contains(prefix)) {
            return;
        }
        synchronized (this) { // threads of this node wait for one creation; only other nodes can race it
            if (!ready.contains(prefix)) {
                createSequence(prefix, sequence);
                ready.add(prefix);
            }
        }
    }

    private void createSequence(String prefix, String sequence) {
        try {
            db.inTransaction(em -> {
                if (!exists(em, sequence)) {
                    long first = ((Number) em.createNativeQuery(KeySequences.FIRST_FREE_SQL).setParameter(1, prefix).getSingleResult())
                            .longValue();
                    em.createNativeQuery(KeySequences.createSql(sequence, first)).executeUpdate();
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (!db.read(em -> exists(em, sequence))) {
                throw e;
            } // else: another node created it first ("already exists")
        }
    }

    private boolean exists(EntityManager em, String sequence) {
        return !em.createNativeQuery(KeySequences.existsSql(db.dialect()))
                .setParameter(1, KeySequences.catalogName(db.dialect(), sequence)).getResultList().isEmpty();
    }

    static String key(String prefix, long number) {
        return prefix + "-" + number;
    }
}
