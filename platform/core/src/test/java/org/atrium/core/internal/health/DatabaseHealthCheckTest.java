package org.atrium.core.internal.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.atrium.api.health.DatabaseHealth;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DatabaseHealthCheckTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDatabaseThatAnswersIsUpWithItsProduct(Engine engine) throws Exception {
        try (TestDatabases db = TestDatabases.open("health", engine)) {
            DatabaseHealth health = new DatabaseHealthCheck(db.dataSource(), db.database()).database();
            assertTrue(health.up(), String.valueOf(health));
            assertTrue(health.product().startsWith(engine == Engine.DERBY ? "Apache Derby" : "PostgreSQL"), health.product());
            assertNull(health.problem());
        }
    }

    @Test
    void aDatabaseThatRefusesIsDownWithTheReason() {
        DatabaseHealth health = new DatabaseHealthCheck(new Refusing(), null).database();
        assertFalse(health.up());
        assertNull(health.product());
        assertTrue(health.problem().contains("Connection refused"), health.problem());
    }

    /** What the pool answers when the database server is gone. */
    private static final class Refusing implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Connection refused");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
