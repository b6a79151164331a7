package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** V13 on both databases: every column that named a login names a stable id afterwards, and nothing else changes. */
class PersonIdsMigrationTest {
    private static final int BEFORE_V13 = SchemaMigrator.SCRIPTS.indexOf("V13__person_ids.sql");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rewritesEveryLoginToItsStableId(Engine engine) throws SQLException {
        DataSource ds = engine.empty("personids");
        try {
            SchemaMigrator.migrate(ds, BEFORE_V13);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO person (id, display_name, email, language, manager, roles, active, ooo_delegate, ooo_from, ooo_until, updated_at)"
                        + " VALUES ('marc', 'Marc', 'marc@example.com', 'de', NULL, 'employee', TRUE, 'chris', '2026-01-01', '2026-01-09', CURRENT_TIMESTAMP),"
                        + " ('anna', 'Anna', 'anna@example.com', 'de', 'marc', 'employee', TRUE, NULL, NULL, NULL, CURRENT_TIMESTAMP)");
                s.executeUpdate("INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key, type_version, department, summary,"
                        + " requester, assignee, status, impact, urgency, priority, confidential, fields_json, created_at, updated_at, version, approval_deciders)"
                        + " VALUES (1, 'IT-1', 'IT', 1, 't', 1, 'it', 's', 'anna', 'ina', 'new', 'low', 'low', 4, FALSE, '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 'marc')");
                s.executeUpdate("INSERT INTO ticket_comment (id, ticket_id, author, body, internal, created_at) VALUES (1, 1, 'ina', 'b', FALSE, CURRENT_TIMESTAMP)");
                s.executeUpdate("INSERT INTO ticket_history (id, ticket_id, occurred_at, actor, action, field, before_value, after_value)"
                        + " VALUES (1, 1, CURRENT_TIMESTAMP, 'chris', 'updated', 'assignee', 'chris', 'ina'),"
                        + " (2, 1, CURRENT_TIMESTAMP, 'anna', 'updated', 'summary', 'anna', 'ina')");
                s.executeUpdate("INSERT INTO approval (id, ticket_id, round_no, stage_index, stage_key, approver, state, decided_by, requested_at, version)"
                        + " VALUES (1, 1, 1, 0, 'manager', 'marc', 'approved', 'marc', CURRENT_TIMESTAMP, 1)");
            }
            SchemaMigrator.migrate(ds);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // every login the rows named, besides V14's placeholder of tickets past their retention (p-0)
                Map<String, String> ids = new HashMap<>();
                try (ResultSet r = s.executeQuery("SELECT login, id FROM person_identity WHERE id <> 'p-0'")) {
                    while (r.next()) {
                        ids.put(r.getString(1), r.getString(2));
                    }
                }
                assertEquals(java.util.Set.of("anna", "marc", "chris", "ina"), ids.keySet());
                ids.values().forEach(id -> assertTrue(id.startsWith("p-"), id));
                assertEquals(4, ids.values().stream().distinct().count());
                assertEquals(ids.get("anna") + "," + ids.get("ina") + "," + ids.get("marc"),
                        one(s, "SELECT requester || ',' || assignee || ',' || approval_deciders FROM ticket"));
                assertEquals(ids.get("ina"), one(s, "SELECT author FROM ticket_comment"));
                assertEquals(ids.get("chris") + "," + ids.get("chris") + "," + ids.get("ina"),
                        one(s, "SELECT actor || ',' || before_value || ',' || after_value FROM ticket_history WHERE id = 1"));
                assertEquals(ids.get("anna") + ",anna,ina", one(s, "SELECT actor || ',' || before_value || ',' || after_value FROM ticket_history WHERE id = 2"),
                        "a summary that happens to read like a login is no person");
                assertEquals(ids.get("marc") + "," + ids.get("marc"), one(s, "SELECT approver || ',' || decided_by FROM approval"));
                assertEquals(ids.get("anna") + ",anna," + ids.get("marc"), one(s, "SELECT id || ',' || login || ',' || manager FROM person WHERE login = 'anna'"));
                assertEquals(ids.get("chris"), one(s, "SELECT ooo_delegate FROM person WHERE login = 'marc'"));
                assertEquals("4", one(s, "SELECT CAST(seq_count AS CHAR(5)) FROM atrium_id_sequence WHERE seq_name = 'person'").trim());
                assertNotEquals(ids.get("anna"), ids.get("marc"));
            }
        } finally {
            engine.drop(ds);
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }
}
