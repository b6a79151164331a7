package org.atrium.core.internal.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The next number of the prefix, taken in the caller's transaction (em), on its connection. */
    long next(EntityManager em, String prefix) {
        String sequence = KeySequences.name(prefix);
        ensureSequence(prefix, sequence);
        Connection connection = em.unwrap(Connection.class);
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement query = connection.prepareStatement(KeySequences.nextValueSql(db.dialect(), sequence));
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (SQLException e) {
                if (!DERBY_CONTENTION.equals(e.getSQLState()) || attempt == CONTENTION_ATTEMPTS) {
                    throw new PersistenceException("Could not take a number of the key sequence " + sequence + ": " + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    /**
     * Derby refills a sequence's preallocated numbers in a nested transaction that does not wait for
     * locks and fails at once with this state while another transaction holds the catalog row: at
     * the first use of a prefix, the transaction of a node that lost the race to create its sequence,
     * until it has rolled back. The failed statement leaves the ticket's transaction intact (taken by
     * JDBC, not through JPA, which would mark it for rollback), so it is tried again after a pause.
     */
    private static final String DERBY_CONTENTION = "X0Y84";
    private static final int CONTENTION_ATTEMPTS = 20;

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5L * attempt, 50L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while waiting for a ticket key number", e);
        }
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

    /**
     * Derby refills a sequence's preallocated numbers in a nested transaction that does not wait for
     * locks, and gives up ("Too much contention on sequence") while a transaction that scanned
     * SYS.SYSSEQUENCES is still open: so the catalog is only read outside a transaction (auto-commit),
     * and the creating transaction reads nothing of it.
     */
    private void createSequence(String prefix, String sequence) {
        if (db.read(em -> exists(em, sequence))) {
            return;
        }
        try {
            db.inTransaction(em -> {
                long first = ((Number) em.createNativeQuery(KeySequences.FIRST_FREE_SQL).setParameter(1, prefix).getSingleResult()).longValue();
                em.createNativeQuery(KeySequences.createSql(sequence, first)).executeUpdate();
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
