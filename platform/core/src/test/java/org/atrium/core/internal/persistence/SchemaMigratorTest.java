package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

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

    @Test
    void migratesDerbyOnceAndIsIdempotent() throws SQLException {
        EmbeddedDataSource ds = DerbyDatabases.empty("migrator");
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
                    assertEquals(4, rows, "ticket, comment, history and link ids");
                }
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ticket")) {
                    r.next();
                    assertEquals(0, r.getInt(1));
                }
            }
        } finally {
            DerbyDatabases.drop(ds);
        }
    }
}
