package org.atrium.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one migrator at a time read the schema version and apply scripts, so that nodes starting at
 * once migrate once. PostgreSQL: a session-level advisory lock, held across the scripts' own
 * transactions and released by unlock or when the connection ends. Embedded Derby can be opened
 * by one JVM only (Derby's own db.lck), so a lock within the JVM covers every migrator it can have;
 * either way the version is read only once the lock is held.
 */
final class MigrationLock implements AutoCloseable {
    /** The advisory lock's key: "Atrium" in ASCII, so that it is recognisable in pg_locks. */
    static final long ADVISORY_KEY = 0x41747269756DL;
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Connection connection;
    private final Dialect dialect;

    private MigrationLock(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Blocks until no other migrator holds the lock. */
    static MigrationLock acquire(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            // only the database's lock: it alone covers migrators in other JVMs, and tests rely on it alone
            advisory(connection, "SELECT pg_advisory_lock(?)");
        } else {
            IN_THIS_JVM.lock();
        }
        return new MigrationLock(connection, dialect);
    }

    @Override
    public void close() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // nothing is pending; leaves no aborted transaction behind
            }
            advisory(connection, "SELECT pg_advisory_unlock(?)");
        } else {
            IN_THIS_JVM.unlock();
        }
    }

    private static void advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ADVISORY_KEY);
            statement.executeQuery().close();
        }
    }
}
