package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

class SchemaMigratorTest {

    @Test
    void splitsAtSemicolonsThatEndALine() {
        String script = """
                -- a comment; with a semicolon;
                CREATE TABLE a (
                  x INT -- trailing comments stay
                );
                INSERT INTO a VALUES (1), (2);  \t
                   -- indented comment
                CREATE INDEX a_x ON a (x);
                """;
        assertEquals(List.of(
                "CREATE TABLE a (\n  x INT -- trailing comments stay\n)",
                "INSERT INTO a VALUES (1), (2)",
                "CREATE INDEX a_x ON a (x)"), SchemaMigrator.statements(script));
    }

    @Test
    void lastStatementNeedsNoNewlineOrSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SchemaMigrator.statements("SELECT 1;\nSELECT 2;"));
        assertEquals(List.of("SELECT 1", "SELECT 2"), SchemaMigrator.statements("SELECT 1;\nSELECT 2"));
    }

    @Test
    void semicolonInsideALineDoesNotSplit() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b')"), SchemaMigrator.statements("INSERT INTO t VALUES ('a;b');\n"));
    }

    @Test
    void windowsLineEndings() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SchemaMigrator.statements("-- c\r\nSELECT 1;\r\nSELECT 2;\r\n"));
    }

    @Test
    void emptyAndCommentOnlyScripts() {
        assertEquals(List.of(), SchemaMigrator.statements(""));
        assertEquals(List.of(), SchemaMigrator.statements("-- nothing\n\n  \n;\n"));
    }

    @Test
    void v1ScriptSplitsIntoItsStatements() throws IOException {
        String script;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("V1__tickets.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = SchemaMigrator.statements(script);
        assertEquals(11, statements.size(), statements.toString());
        statements.forEach(sql -> assertTrue(!sql.contains(";") && !sql.startsWith("--"), sql));
        assertTrue(statements.get(0).startsWith("CREATE TABLE atrium_id_sequence"));
        assertTrue(statements.get(1).startsWith("INSERT INTO atrium_id_sequence"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratesOnceAndIsIdempotent(Engine engine) throws SQLException {
        DataSource ds = engine.empty("migrator");
        try {
            int latest = SchemaMigrator.SCRIPTS.size();
            assertEquals(latest, SchemaMigrator.migrate(ds));
            assertEquals(latest, SchemaMigrator.migrate(ds));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertTrue(c.getAutoCommit(), "migrate leaves auto-commit as it found it");
                try (ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(version) FROM atrium_schema_version")) {
                    r.next();
                    assertEquals(SchemaMigrator.SCRIPTS.size(), r.getInt(1), "each script recorded once");
                    assertEquals(SchemaMigrator.SCRIPTS.size(), r.getInt(2));
                }
                try (ResultSet r = s.executeQuery("SELECT seq_name, seq_count FROM atrium_id_sequence ORDER BY seq_name")) {
                    int rows = 0;
                    while (r.next()) {
                        rows++;
                        assertEquals(0, r.getLong(2));
                    }
                    assertEquals(15, rows, "ticket, comment, history, link, outbox, approval, scheduled_task, sla_clock, person, audit_event, attachment,"
                            + " mail_message, webhook, webhook_delivery and webhook_attempt ids");
                }
                for (String table : List.of("ticket", "ticket_comment", "ticket_history", "request_type_version")) {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        r.next();
                        assertEquals(0, r.getInt(1), table);
                    }
                }
            }
        } finally {
            engine.drop(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void formValuesAreJsonbOnPostgresqlAndVarcharOnDerby(Engine engine) throws SQLException {
        DataSource ds = engine.empty("columns");
        try {
            SchemaMigrator.migrate(ds);
            try (Connection c = ds.getConnection()) {
                String table = engine == Engine.DERBY ? "TICKET" : "ticket";
                String column = engine == Engine.DERBY ? "FIELDS_JSON" : "fields_json";
                try (ResultSet r = c.getMetaData().getColumns(null, null, table, column)) {
                    assertTrue(r.next());
                    assertEquals(engine == Engine.DERBY ? "VARCHAR" : "jsonb", r.getString("TYPE_NAME"));
                }
            }
        } finally {
            engine.drop(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAttachmentMayWaitWithoutATicketFromV18(Engine engine) throws SQLException {
        DataSource ds = engine.empty("pending");
        try {
            SchemaMigrator.migrate(ds);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                String table = engine == Engine.DERBY ? "TICKET_ATTACHMENT" : "ticket_attachment";
                try (ResultSet r = c.getMetaData().getColumns(null, null, table, engine == Engine.DERBY ? "TICKET_ID" : "ticket_id")) {
                    assertTrue(r.next());
                    assertEquals("YES", r.getString("IS_NULLABLE"), "a pending upload has no ticket");
                }
                s.executeUpdate("INSERT INTO ticket_attachment (id, file_name, original_name, content_type, size_bytes, sha256, uploaded_by,"
                        + " uploaded_at) VALUES (1, 'a.txt', 'a.txt', 'text/plain', 1, 'x', 'p-1', CURRENT_TIMESTAMP)");
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ticket_attachment WHERE ticket_id IS NULL")) {
                    r.next();
                    assertEquals(1, r.getInt(1));
                }
            }
        } finally {
            engine.drop(ds);
        }
    }

    @Test
    void choosesTheDialectsVariantWhereThereIsOne() {
        assertEquals("V1__tickets.postgresql.sql", SchemaMigrator.script(Dialect.POSTGRESQL, "V1__tickets.sql"));
        assertEquals("V1__tickets.sql", SchemaMigrator.script(Dialect.DERBY, "V1__tickets.sql"));
        assertEquals("V3__queue_indexes.sql", SchemaMigrator.script(Dialect.POSTGRESQL, "V3__queue_indexes.sql"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keyNumbersContinueWhereStoredTicketsEnd(Engine engine) throws SQLException {
        DataSource ds = engine.empty("counters");
        try {
            SchemaMigrator.migrate(ds, 3);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String[] key : new String[][] {{"IT", "7"}, {"IT", "41"}, {"HR", "3"}}) {
                    s.executeUpdate("INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key, type_version, department, summary,"
                            + " requester, status, impact, urgency, priority, confidential, fields_json, created_at, updated_at, version)"
                            + " VALUES (" + key[1] + key[0].length() + ", '" + key[0] + "-" + key[1] + "', '" + key[0] + "', " + key[1]
                            + ", 't', 1, 'd', 's', 'anna', 'new', 'low', 'low', 4, FALSE, '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
                }
            }
            SchemaMigrator.migrate(ds, 11);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT key_prefix, last_number FROM ticket_key_counter ORDER BY key_prefix")) {
                assertTrue(r.next());
                assertEquals("HR", r.getString(1));
                assertEquals(3, r.getLong(2));
                assertTrue(r.next());
                assertEquals("IT", r.getString(1));
                assertEquals(41, r.getLong(2));
                assertTrue(!r.next());
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE ticket_key_counter SET last_number = 50 WHERE key_prefix = 'IT'"); // keys handed out since V4
            }
            // V12: a sequence per counter, continuing after its last number; the counter table is gone
            SchemaMigrator.migrate(ds);
            Dialect dialect = engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.DERBY;
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String[] expected : new String[][] {{"IT", "51"}, {"HR", "4"}}) {
                    try (ResultSet r = s.executeQuery(KeySequences.nextValueSql(dialect, KeySequences.name(expected[0])))) {
                        assertTrue(r.next());
                        assertEquals(Long.parseLong(expected[1]), r.getLong(1), expected[0]);
                    }
                }
                try (ResultSet r = c.getMetaData().getTables(null, null, engine == Engine.DERBY ? "TICKET_KEY_COUNTER" : "ticket_key_counter",
                        null)) {
                    assertTrue(!r.next(), "ticket_key_counter is dropped");
                }
            }
        } finally {
            engine.drop(ds);
        }
    }

    /** Nodes starting at once on one PostgreSQL: every script applied once, no migrator fails. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentMigratorsOnPostgresqlApplyEachScriptOnce() throws Exception {
        String database = PostgresCluster.get().createDatabase("concurrent");
        DataSource ds = PostgresCluster.get().dataSource(database);
        int nodes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CyclicBarrier together = new CyclicBarrier(nodes);
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                // each "node" with a DataSource of its own: separate connections, as separate JVMs would have
                DataSource node = PostgresCluster.get().dataSource(database);
                results.add(pool.submit(() -> {
                    together.await();
                    return SchemaMigrator.migrate(node);
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(SchemaMigrator.SCRIPTS.size(), result.get());
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT version, COUNT(*) FROM atrium_schema_version GROUP BY version ORDER BY version")) {
                    for (int version = 1; version <= SchemaMigrator.SCRIPTS.size(); version++) {
                        assertTrue(r.next());
                        assertEquals(version, r.getInt(1));
                        assertEquals(1, r.getInt(2), "script " + version + " applied once");
                    }
                    assertTrue(!r.next());
                }
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM atrium_id_sequence")) {
                    r.next();
                    assertEquals(15, r.getInt(1), "the seed rows of V1, V7, V9, V10, V11, V13, V14, V16, V20 and V21 inserted once");
                }
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'")) {
                    r.next();
                    assertEquals(0, r.getInt(1), "every migrator released the lock");
                }
            }
        } finally {
            pool.shutdownNow();
            Engine.POSTGRESQL.drop(ds);
        }
    }

    @Test
    void refusesAPostgresqlConnectionThatSendsStringsAsVarchar() throws SQLException {
        String database = PostgresCluster.get().createDatabase("stringtype");
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setUrl(PostgresCluster.get().url(database));
        plain.setUser(PostgresCluster.get().user());
        SQLException e = assertThrows(SQLException.class, () -> SchemaMigrator.migrate(plain));
        assertTrue(e.getMessage().contains("stringtype=unspecified"), e.getMessage());
        try (Connection c = plain.getConnection(); ResultSet r = c.getMetaData().getTables(null, null, "atrium_schema_version", null)) {
            assertTrue(!r.next(), "nothing migrated");
        }
    }
}
