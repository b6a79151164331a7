package org.atrium.core.internal.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases Atrium runs on, told apart by the driver's product name. A migration script may
 * have a variant per dialect ({@code V1__tickets.postgresql.sql} beside {@code V1__tickets.sql})
 * where the SQL has to differ.
 */
public enum Dialect {
    DERBY("derby"),
    POSTGRESQL("postgresql");

    private final String suffix;

    Dialect(String suffix) {
        this.suffix = suffix;
    }

    public static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (lower.contains("derby")) {
            return DERBY;
        }
        if (lower.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new SQLException("Atrium runs on Apache Derby or PostgreSQL, not on " + product);
    }

    /** The name of this dialect's variant of a script: {@code V1__tickets.sql} -> {@code V1__tickets.postgresql.sql}. */
    String variant(String script) {
        return script.substring(0, script.length() - ".sql".length()) + "." + suffix + ".sql";
    }

    /**
     * Refuses a connection on which the schema would not work. On PostgreSQL, form values are a
     * jsonb column that EclipseLink writes as a string: the driver must send strings untyped
     * ({@code stringtype=unspecified}), or every ticket insert fails with "column is of type jsonb".
     */
    void checkConnection(Connection connection) throws SQLException {
        if (this != POSTGRESQL) {
            return;
        }
        try (PreparedStatement probe = connection.prepareStatement("SELECT CAST('{}' AS jsonb) = ?")) {
            probe.setString(1, "{}");
            probe.executeQuery().close();
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw new SQLException("The PostgreSQL connection sends strings as varchar, which the jsonb column of form values "
                    + "refuses: set stringtype=unspecified on the data source (etc/org.ops4j.datasource-atrium.cfg: "
                    + "stringtype = unspecified, or ?stringtype=unspecified in the url). " + e.getMessage(), e);
        }
    }
}
