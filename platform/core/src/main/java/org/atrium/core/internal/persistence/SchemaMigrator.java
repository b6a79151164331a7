package org.atrium.core.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with numbered SQL scripts, each applied once and in its own
 * transaction. Releases add scripts; they never drop and recreate tables that hold tickets.
 * A script is shared by every database unless a dialect has its own variant
 * ({@code V1__tickets.postgresql.sql}). The version is read and the scripts applied under a
 * {@link MigrationLock}, so that nodes starting at once on one database migrate once.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String VERSION_TABLE = "atrium_schema_version";
    /** In order; the index + 1 is the schema version a script brings the database to. */
    static final List<String> SCRIPTS = List.of("V1__tickets.sql", "V2__request_type_versions.sql", "V3__queue_indexes.sql",
            "V4__ticket_key_counters.sql", "V5__people.sql", "V6__workflows.sql", "V7__ticket_links.sql",
            "V8__assignment_groups.sql", "V9__outbox.sql", "V10__approvals_and_timers.sql", "V11__sla_clocks.sql",
            "V12__ticket_key_sequences.sql", "V13__person_ids.sql", "V14__audit_and_retention.sql",
            "V15__portal_sessions.sql", "V16__ticket_attachments.sql", "V17__ticket_ratings.sql",
            "V18__pending_uploads.sql", "V19__signing_keys.sql", "V20__mail_queue.sql", "V21__webhooks.sql",
            "V22__ticket_search.sql", "V23__inbound_mail.sql", "V24__webhook_deliveries_from_outbox.sql",
            "V25__ticket_search_rank.sql", "V26__search_term_index_dropped.sql", "V27__mail_threading.sql");
    /**
     * What a version needs beyond SQL (DDL that depends on the data), run in the script's transaction
     * before its statements: V12 creates a sequence per key prefix the counter table names.
     */
    private static final Map<Integer, DataStep> BEFORE_SCRIPT = Map.of(12, KeySequences::fromCounters);

    /** A data-dependent step of a migration, on the migration's connection and transaction. */
    @FunctionalInterface
    interface DataStep {
        void run(Connection connection, Dialect dialect) throws SQLException;
    }

    private SchemaMigrator() {
    }

    /** Applies every script newer than the database; returns the schema version now in force. */
    public static int migrate(DataSource dataSource) throws SQLException {
        return migrate(dataSource, SCRIPTS.size());
    }

    /** Applies the scripts up to a version (tests of a later script's data migration start there). */
    static int migrate(DataSource dataSource, int target) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            dialect.checkConnection(connection);
            boolean autoCommit = connection.getAutoCommit();
            try (MigrationLock lock = MigrationLock.acquire(connection, dialect)) {
                connection.setAutoCommit(false);
                ensureVersionTable(connection);
                // read under the lock: another node may have migrated while this one waited
                int current = currentVersion(connection);
                for (int version = current + 1; version <= target; version++) {
                    apply(connection, dialect, version, script(dialect, SCRIPTS.get(version - 1)));
                }
                return Math.max(current, target);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean exists = tableExists(meta, VERSION_TABLE) || tableExists(meta, VERSION_TABLE.toUpperCase(Locale.ROOT));
        if (!exists) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + VERSION_TABLE + " (version INT NOT NULL PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
            }
            connection.commit();
        }
    }

    private static boolean tableExists(DatabaseMetaData meta, String name) throws SQLException {
        try (ResultSet tables = meta.getTables(null, null, name, null)) {
            return tables.next();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** The dialect's variant of a script where there is one, else the shared script. */
    static String script(Dialect dialect, String shared) {
        String variant = dialect.variant(shared);
        return SchemaMigrator.class.getResource(variant) != null ? variant : shared;
    }

    private static void apply(Connection connection, Dialect dialect, int version, String script) throws SQLException {
        LOG.info("Migrating the Atrium schema to version {} ({})", version, script);
        try (Statement statement = connection.createStatement()) {
            DataStep step = BEFORE_SCRIPT.get(version);
            if (step != null) {
                step.run(connection, dialect);
            }
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)")) {
                record.setInt(1, version);
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Schema migration " + script + " failed: " + e.getMessage(), e);
        }
    }

    /** Splits a script at semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(cleaned.toString().split(";\\s*\n"))
                .map(String::trim)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
