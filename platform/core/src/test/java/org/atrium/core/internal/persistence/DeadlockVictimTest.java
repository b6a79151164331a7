package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DeadlockVictimTest {

    @Test
    void derbysAndPostgresqlsDeadlocksAreWorthAnotherTry() {
        assertTrue(DeadlockVictim.is(new PersistenceException(new SQLTransactionRollbackException("deadlock", "40001"))));
        assertTrue(DeadlockVictim.is(new RuntimeException(new PersistenceException(new SQLException("deadlock detected", "40P01")))));
        SQLException chained = new SQLException("batch failed", "XJ208");
        chained.setNextException(new SQLException("deadlock", "40001"));
        assertTrue(DeadlockVictim.is(new PersistenceException(chained)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DeadlockVictim.is(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DeadlockVictim.is(new SQLException("lock timeout", "40XL1")));
        assertFalse(DeadlockVictim.is(new IllegalStateException("no SQL at all")));
    }
}
