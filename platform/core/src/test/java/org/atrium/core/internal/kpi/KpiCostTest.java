package org.atrium.core.internal.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.atrium.api.kpi.KpiQuery;
import org.atrium.api.kpi.KpiRow;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a month's report costs at 10,000 tickets on embedded Derby (each with 4 history rows and 2 clocks,
 * all created and resolved in March): the time is printed for docs/kpis.md, and the sums are checked. A
 * measurement, not a timed test: run it with
 * {@code mvn -o -pl platform/core test -Dtest=KpiCostTest -Datrium.measure=true}.
 */
@EnabledIfSystemProperty(named = "atrium.measure", matches = "true")
class KpiCostTest {
    static final int TICKETS = 10_000;

    @Test
    void aMonthAtTenThousandTickets() throws Exception {
        try (TestDatabases databases = TestDatabases.open("kpicost")) {
            write(databases);
            KpiComputation kpis = new KpiComputation(KpiComputationTest::category, List.of("it.incident"));
            KpiRange range = KpiRange.of(new KpiQuery(null, null, null, "month", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                    null), LocalDate.parse("2026-04-01"), new ArrayList<>());
            KpiScope scope = new KpiScope(List.of("it"), null, null);
            databases.database().read(em -> kpis.rows(em, scope, range)); // warm: EclipseLink's and Derby's statement caches
            long start = System.nanoTime();
            List<KpiRow> rows = databases.database().read(em -> kpis.rows(em, scope, range));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("KPI report, one month, " + TICKETS + " tickets on Derby: " + took.toMillis() + " ms");
            assertEquals(1, rows.size());
            assertEquals(TICKETS, rows.get(0).opened());
            assertEquals(TICKETS, rows.get(0).resolved());
            assertEquals(2 * TICKETS, rows.get(0).slaMet() + rows.get(0).slaBreached(), "two clocks each");
        }
    }

    private static void write(TestDatabases databases) throws Exception {
        Instant base = Instant.parse("2026-03-02T08:00:00Z");
        try (Connection c = databases.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ticket = c.prepareStatement("INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key,"
                    + " type_version, department, summary, requester, status, impact, urgency, priority, confidential, fields_json, created_at,"
                    + " updated_at, version, status_category, status_changed_at) VALUES (?, ?, 'IT', ?, 'it.incident', 1, 'it', 's', 'p-anna',"
                    + " 'resolved', 'medium', 'medium', 3, ?, '{}', ?, ?, 1, 'resolved', ?)");
                    PreparedStatement history = c.prepareStatement("INSERT INTO ticket_history (id, ticket_id, occurred_at, actor, action, field,"
                            + " before_value, after_value) VALUES (?, ?, ?, 'p-ina', ?, 'status', ?, ?)");
                    PreparedStatement clock = c.prepareStatement("INSERT INTO sla_clock (id, ticket_id, clock_key, kind, state, priority,"
                            + " target_seconds, calendar, elapsed_seconds, computed_at, stopped_at, version) VALUES (?, ?, ?, 'sla', ?, 'P3', 28800,"
                            + " 'office', ?, ?, ?, 1)")) {
                long historyId = 0;
                long clockId = 0;
                for (int i = 1; i <= TICKETS; i++) {
                    Instant created = base.plusSeconds(i * 60L);
                    Timestamp resolved = Timestamp.from(created.plusSeconds(7200));
                    ticket.setLong(1, i);
                    ticket.setString(2, "IT-" + i);
                    ticket.setLong(3, i);
                    ticket.setBoolean(4, false);
                    ticket.setTimestamp(5, Timestamp.from(created));
                    ticket.setTimestamp(6, resolved);
                    ticket.setTimestamp(7, resolved);
                    ticket.addBatch();
                    String[][] moves = {{"created", null, "open"}, {"transitioned", "open", "in-progress"}, {"transitioned", "in-progress", "pending"},
                        {"transitioned", "pending", "resolved"}};
                    for (int m = 0; m < moves.length; m++) {
                        history.setLong(1, ++historyId);
                        history.setLong(2, i);
                        history.setTimestamp(3, Timestamp.from(created.plusSeconds(m * 2400L)));
                        history.setString(4, moves[m][0]);
                        history.setString(5, moves[m][1]);
                        history.setString(6, moves[m][2]);
                        history.addBatch();
                    }
                    for (String key : new String[] {"first-response", "resolution"}) {
                        clock.setLong(1, ++clockId);
                        clock.setLong(2, i);
                        clock.setString(3, key);
                        clock.setString(4, i % 10 == 0 ? "breached" : "met");
                        clock.setLong(5, 3600);
                        clock.setTimestamp(6, resolved);
                        clock.setTimestamp(7, resolved);
                        clock.addBatch();
                    }
                    if (i % 1000 == 0) {
                        ticket.executeBatch();
                        history.executeBatch();
                        clock.executeBatch();
                    }
                }
                ticket.executeBatch();
                history.executeBatch();
                clock.executeBatch();
            }
            c.commit();
        }
    }
}
