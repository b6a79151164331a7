package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atrium.core.internal.SettableClock;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.SlaClockEntry;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.calendar.BusinessCalendarsService;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.extension.Extensions;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.sla.SlaPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The queue in SLA order and the department's at-risk and breach lists, on Derby and on PostgreSQL. */
class SlaListsTest {
    static final Caller ANNA = SlaClocksTest.ANNA;
    static final Caller INA = SlaClocksTest.INA;
    static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");
    static final Caller ADMIN = Caller.of("admin", "employee", "admin");
    static final Instant MONDAY_0800_CET = SlaClocksTest.MONDAY_0800_CET;

    private TestDatabases databases;
    private SettableClock clock;
    private TicketServiceImpl service;

    @AfterEach
    void close() {
        if (databases != null) {
            databases.close();
        }
    }

    private void open(Engine engine, RequestTypeRegistry registry) throws SQLException {
        databases = TestDatabases.open("slalists", engine);
        TestPeople.store(databases.database(),
                "anna,Anna Albrecht,,de,sales,,DE,DE-BY,employee,true,,,",
                "ina,Ina Io,,de,it,,DE,DE-BE,employee;agent-it,true,,,");
        clock = new SettableClock(ApprovalsTest.START);
        clock.set(MONDAY_0800_CET);
        BusinessCalendarsService calendars = new BusinessCalendarsService();
        calendars.add(new org.atrium.core.internal.calendar.CalendarConfiguration(new org.atrium.core.internal.calendar.JollydayHolidayCalendar(),
                Map.of("name", "office", "zone", "Europe/Berlin", "monday", "08:00-17:00", "tuesday", "08:00-17:00",
                        "wednesday", "08:00-17:00", "thursday", "08:00-17:00", "friday", "08:00-17:00", "country", "DE", "region", "DE-BY")));
        service = new TicketServiceImpl(databases.database(), registry, new Extensions(), clock, null,
                new DirectoryService(new DatabaseDirectoryProvider(databases.database())),
                AssignmentGroupsService.of(Map.of("it", Map.of("network.members", "ina"))), SlaPolicies.AS_DECLARED, calendars, false);
    }

    private Ticket incident(String impact, String urgency) {
        Ticket ticket = service.create(ANNA, new NewTicket("it.incident", "VPN down", null, impact, urgency, Map.of("affectedService", "vpn")));
        clock.advance(Duration.ofMinutes(10));
        return ticket;
    }

    /**
     * Monday 08:00 in Munich: IT-1 (P3: first response due 10:00), IT-2 (P1 at 08:10: due 08:40 on
     * 24x7), IT-3 (P4: no target, no clock), IT-4 (P3 at 08:30, answered at once: resolution due
     * 16:30), IT-5 (P4). Now is 08:40.
     */
    private void fiveTickets() {
        incident(null, null);
        incident("high", "high");
        incident("low", "low");
        incident(null, null);
        service.comment(INA, "IT-4", new NewComment("On it", false));
        incident("low", "low");
        clock.set(MONDAY_0800_CET.plus(Duration.ofMinutes(40)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theQueueInSlaOrderPutsTheEarliestDueFirstAndTicketsWithoutARunningClockLastOnEveryPage(Engine engine) throws Exception {
        open(engine, SlaClocksTest.withSla());
        fiveTickets();
        assertEquals(MONDAY_0800_CET.plus(Duration.ofMinutes(40)), service.get(INA, "IT-2").slaDueAt());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofMinutes(510)), service.get(INA, "IT-4").slaDueAt(), "the resolution, once answered");
        assertNull(service.get(INA, "IT-3").slaDueAt());
        List<String> expected = List.of("IT-2", "IT-1", "IT-4", "IT-3", "IT-5");
        for (int limit = 1; limit <= 6; limit++) {
            assertEquals(expected, pageThrough(INA, "it", limit), "agent's queue, limit " + limit);
            assertEquals(expected, pageThrough(INA, null, limit), "no department (own and the department's), limit " + limit);
            assertEquals(expected, pageThrough(ANNA, null, limit), "the requester's own, limit " + limit);
        }
        String started = service.list(INA, new TicketQuery("it", List.of(), List.of(), null, null, null, false, "sla", 4, null)).nextCursor();
        assertNotNull(started, "the fourth ticket has no due time: the cursor carries none");
        assertEquals(List.of("IT-5"), keys(service.list(INA, new TicketQuery("it", List.of(), List.of(), null, null, null, false, "sla", 4,
                started))));
    }

    private List<String> pageThrough(Caller caller, String department, int limit) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TicketPage page = service.list(caller, new TicketQuery(department, List.of(), List.of(), null, null, null, false, "sla", limit, cursor));
            assertTrue(page.items().size() <= limit);
            keys.addAll(keys(page));
            cursor = page.nextCursor();
            assertTrue(++pages < 20, "paging ends");
        } while (cursor != null);
        return keys;
    }

    private static List<String> keys(TicketPage page) {
        return page.items().stream().map(Ticket::key).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void atRiskListsTheRunningClocksByTheBusinessTimeTheyHaveLeft(Engine engine) throws Exception {
        open(engine, SlaClocksTest.withSla());
        fiveTickets();
        List<SlaClockEntry> all = service.atRisk(INA, "it", 50);
        assertEquals(List.of("IT-2 first-response PT0S", "IT-1 first-response PT1H20M", "IT-2 resolution PT3H30M",
                "IT-1 resolution PT7H20M", "IT-4 resolution PT7H50M"),
                all.stream().map(e -> e.ticketKey() + " " + e.clock() + " " + e.remaining()).toList());
        SlaClockEntry first = all.get(0);
        assertEquals("VPN down", first.summary());
        assertEquals("24x7", first.calendar());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofMinutes(40)), first.dueAt());
        assertEquals(List.of("IT-2", "IT-1"), service.atRisk(INA, "it", 2).stream().map(SlaClockEntry::ticketKey).toList());
        assertEquals(all, service.atRisk(ADMIN, "it", 50), "administrators see what is not confidential");
        // 16:00 Monday: IT-1's resolution (due 16:00) is past; IT-4's has 30 min; overnight counts nothing
        clock.set(MONDAY_0800_CET.plus(Duration.ofHours(8)));
        Map<String, Duration> remaining = new java.util.HashMap<>();
        service.atRisk(INA, "it", 50).forEach(e -> remaining.put(e.ticketKey() + " " + e.clock(), e.remaining()));
        assertEquals(Duration.ZERO, remaining.get("IT-1 resolution"));
        assertEquals(Duration.ofMinutes(30), remaining.get("IT-4 resolution"));
        clock.set(Instant.parse("2026-03-10T07:30:00Z")); // Tuesday 08:30
        service.atRisk(INA, "it", 50).forEach(e -> remaining.put(e.ticketKey() + " " + e.clock(), e.remaining()));
        assertEquals(Duration.ofMinutes(-90), remaining.get("IT-1 resolution"), "16:00 to 17:00 and 08:00 to 08:30");
        assertEquals(Duration.ofMinutes(-60), remaining.get("IT-4 resolution"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void breachesAreListedByTheTimeTheyWereRecordedWithinThePeriod(Engine engine) throws Exception {
        open(engine, SlaClocksTest.withSla());
        fiveTickets();
        clock.set(MONDAY_0800_CET.plus(Duration.ofMinutes(41)));
        while (service.runTimers() > 0) {
            // warnings, then the breach of IT-2's first response
        }
        List<SlaClockEntry> breaches = service.breaches(INA, "it", null, null, 50);
        assertEquals(List.of("IT-2 first-response"), breaches.stream().map(e -> e.ticketKey() + " " + e.clock()).toList());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofMinutes(41)), breaches.get(0).breachedAt());
        assertEquals(breaches, service.breaches(INA, "it", MONDAY_0800_CET, MONDAY_0800_CET.plus(Duration.ofMinutes(42)), 50));
        assertEquals(List.of(), service.breaches(INA, "it", MONDAY_0800_CET.plus(Duration.ofMinutes(42)),
                MONDAY_0800_CET.plus(Duration.ofHours(1)), 50), "after it");
        assertEquals(List.of(), service.breaches(INA, "it", MONDAY_0800_CET, MONDAY_0800_CET.plus(Duration.ofMinutes(41)), 50),
                "the end is exclusive");
        clock.set(MONDAY_0800_CET.plus(Duration.ofHours(9)));
        while (service.runTimers() > 0) {
            // 17:00: every other clock has breached (IT-1's first response at 10:00, ..., IT-4's resolution at 16:30)
        }
        List<String> later = service.breaches(INA, "it", null, null, 50).stream().map(e -> e.ticketKey() + " " + e.clock()).toList();
        // (IT-1's first response is not asserted: its breach raises IT-1 to P2, which has no first-response target)
        assertTrue(later.containsAll(List.of("IT-1 resolution", "IT-2 resolution", "IT-4 resolution")), later.toString());
        assertEquals("IT-2 first-response", later.get(later.size() - 1), "latest first: the one of 08:41 comes last");
        assertEquals(1, service.breaches(INA, "it", null, null, 1).size());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DERBY")
    void theListsAreForTheDepartmentsAgentsAndAdministratorsAndNameABadParameter(Engine engine) throws Exception {
        open(engine, SlaClocksTest.withSla());
        fiveTickets();
        assertThrows(ForbiddenException.class, () -> service.atRisk(ANNA, "it", 10));
        assertThrows(ForbiddenException.class, () -> service.breaches(HANNA, "it", null, null, 10));
        assertEquals(List.of("department"), fields(() -> service.atRisk(INA, null, 10)));
        assertEquals(List.of("department"), fields(() -> service.atRisk(ADMIN, "nosuch", 10)));
        assertEquals(List.of("limit"), fields(() -> service.atRisk(INA, "it", 0)));
        assertEquals(List.of("limit"), fields(() -> service.breaches(INA, "it", null, null, 201)));
        assertEquals(List.of("to"), fields(() -> service.breaches(INA, "it", MONDAY_0800_CET, MONDAY_0800_CET, 10)));
        assertEquals(List.of("from"), fields(() -> service.breaches(INA, "it", MONDAY_0800_CET.plus(Duration.ofDays(1)), null, 10)));
        // a reversed SLA order has no index to read: it is not offered
        assertEquals(List.of("sort"), fields(() -> service.list(INA, new TicketQuery("it", List.of(), List.of(), null, null, null, false,
                "-sla", 5, null))));
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DERBY")
    void administratorsWhoAreNotTheDepartmentsAgentsSeeNoConfidentialClock(Engine engine) throws Exception {
        open(engine, confidential(SlaClocksTest.withSla()));
        fiveTickets();
        assertEquals(5, service.atRisk(INA, "it", 50).size());
        assertEquals(List.of(), service.atRisk(ADMIN, "it", 50));
    }

    private static RequestTypeRegistry confidential(RequestTypeRegistry registry) {
        RequestType b = registry.all().get(0);
        RequestType type = new RequestType(b.key(), b.department(), b.category(), b.keyPrefix(), b.names(), b.help(), b.fields(),
                b.schemaVersion(), true, b.validators(), b.calculators(), b.workflow(), b.resolutionCodes(), b.bundle(), b.audience(),
                b.routing(), b.approvals(), b.children(), b.sla());
        return TestCatalogs.registryOf(type);
    }

    private static List<String> fields(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ValidationException.class, call).errors().stream().map(FieldError::field).toList();
    }

    /** Both ranges of the SLA order read the index ticket_sla_queue, not the department's tickets sorted. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSlaOrderReadsItsIndex(Engine engine) throws Exception {
        databases = TestDatabases.open("slaplan", engine);
        try (Connection c = databases.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key,"
                    + " type_version, department, summary, requester, status, status_category, impact, urgency, priority,"
                    + " confidential, fields_json, created_at, updated_at, version, sla_due_at)"
                    + " VALUES (?,?,'IT',?,'it.incident',1,?,'s','anna','new','open','medium','medium',3,?,'{}',?,?,1,?)")) {
                for (int i = 1; i <= 20_000; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "IT-" + i);
                    insert.setLong(3, i);
                    insert.setString(4, i % 3 == 0 ? "hr" : "it");
                    insert.setBoolean(5, false);
                    insert.setTimestamp(6, Timestamp.from(MONDAY_0800_CET));
                    insert.setTimestamp(7, Timestamp.from(MONDAY_0800_CET));
                    insert.setTimestamp(8, i % 4 == 0 ? null : Timestamp.from(MONDAY_0800_CET.plusSeconds(i * 37L % 100_000)));
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            if (engine == Engine.POSTGRESQL) {
                try (var analyze = c.createStatement()) {
                    analyze.execute("ANALYZE ticket");
                }
                c.commit();
            }
            for (String range : List.of("sla_due_at IS NOT NULL", "sla_due_at > ? OR (sla_due_at = ? AND id > ?)", "sla_due_at IS NULL AND id > ?")) {
                String sql = "SELECT id FROM ticket WHERE department = ? AND (" + range + ") ORDER BY sla_due_at, id";
                String plan = plan(c, engine, sql, range);
                c.commit();
                assertTrue(plan.toLowerCase(Locale.ROOT).contains("ticket_sla_queue"), range + " reads the index: " + plan);
                assertTrue(engine == Engine.POSTGRESQL ? !plan.contains("Sort ") : !plan.contains("Sort ResultSet"), range + " sorts nothing: " + plan);
            }
        }
    }

    /** The plan of the page query as the queue runs it (the first 51 rows) with parameters of one cursor. */
    private static String plan(Connection c, Engine engine, String sql, String range) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql + " LIMIT 51")) {
                bind(explain, range);
                StringBuilder plan = new StringBuilder();
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
        try (var statistics = c.createStatement()) {
            statistics.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setMaxRows(51);
            bind(query, range);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    // read the page, so that the statistics describe it
                }
            }
        }
        try (var statement = c.createStatement(); var rows = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void bind(PreparedStatement statement, String range) throws SQLException {
        statement.setString(1, "it");
        Timestamp at = Timestamp.from(MONDAY_0800_CET.plusSeconds(50_000));
        if (range.contains("sla_due_at >")) {
            statement.setTimestamp(2, at);
            statement.setTimestamp(3, at);
            statement.setLong(4, 7);
        } else if (range.contains("id >")) {
            statement.setLong(2, 7);
        }
    }
}
