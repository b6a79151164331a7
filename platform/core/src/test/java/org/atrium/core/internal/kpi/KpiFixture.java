package org.atrium.core.internal.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * A hand-made ticket history written straight into the tables the KPIs read (ticket, ticket_history,
 * sla_clock, ticket_rating), so that every figure can be computed by hand from what is written here.
 */
final class KpiFixture {
    private final DataSource dataSource;
    private long historyId;
    private long clockId;

    KpiFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void ticket(long id, String department, String type, int priority, String requester, String created, String status, String category,
            String statusChanged, String fieldsJson) throws SQLException {
        String key = department.toUpperCase() + "-" + id;
        update("INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key, type_version, department, summary, requester, status,"
                + " impact, urgency, priority, confidential, fields_json, created_at, updated_at, version, status_category, status_changed_at)"
                + " VALUES (?, ?, ?, ?, ?, 1, ?, 'fixture', ?, ?, 'medium', 'medium', ?, ?, ?, ?, ?, 1, ?, ?)",
                id, key, department.toUpperCase(), id, type, department, requester, status, (short) priority, "hr".equals(department),
                fieldsJson, ts(created), ts(statusChanged), category, ts(statusChanged));
        history(id, created, requester, "created", "status", null, "open");
    }

    void history(long ticket, String at, String actor, String action, String field, String before, String after) throws SQLException {
        update("INSERT INTO ticket_history (id, ticket_id, occurred_at, actor, action, field, before_value, after_value)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ++historyId, ticket, ts(at), actor, action, field, before, after);
    }

    void transition(long ticket, String at, String actor, String from, String to) throws SQLException {
        history(ticket, at, actor, "transitioned", "status", from, to);
    }

    void clock(long ticket, String key, String state, long elapsedSeconds, String stoppedAt) throws SQLException {
        update("INSERT INTO sla_clock (id, ticket_id, clock_key, kind, state, priority, target_seconds, calendar, elapsed_seconds,"
                + " computed_at, stopped_at, version) VALUES (?, ?, ?, 'sla', ?, 'P3', 28800, 'office', ?, ?, ?, 1)",
                ++clockId, ticket, key, state, elapsedSeconds, ts(stoppedAt == null ? "2026-03-20T12:00:00Z" : stoppedAt), ts(stoppedAt));
    }

    void rating(long ticket, int score, String at) throws SQLException {
        update("INSERT INTO ticket_rating (ticket_id, score, rated_by, rated_at) VALUES (?, ?, 'p-anna', ?)", ticket, (short) score, ts(at));
    }

    private static Timestamp ts(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
