package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atrium.core.internal.SettableClock;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.Escalation;
import org.atrium.api.sla.SlaClock;
import org.atrium.api.sla.SlaPolicy;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.core.internal.calendar.BusinessCalendarsService;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.extension.Extensions;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.sla.SlaPolicies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLA clocks through the ticket service: kept at every change, timed by the durable scheduler, explained. */
class SlaClocksTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller INA = Caller.of("ina", "employee", "agent-it");
    static final Instant MONDAY_0800_CET = Instant.parse("2026-03-09T07:00:00Z");

    private static TestDatabases databases;
    private static RequestTypeRegistry registry;
    private SettableClock clock;
    private TicketServiceImpl service;

    /** it.incident of the test catalog, with first response (2 h) and resolution (8 h, raised to P2 and to the network group at breach). */
    static RequestTypeRegistry withSla() {
        RequestType base = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT).find("it.incident").orElseThrow();
        SlaPolicy policy = new SlaPolicy("office", Map.of("P1", "24x7"), 75, List.of(
                new ClockPolicy(ClockPolicy.FIRST_RESPONSE, Map.of("en", "First response"), null,
                        Map.of("P1", Duration.ofMinutes(30), "P3", Duration.ofHours(2)), null, null, null, null, null, null, null),
                new ClockPolicy(ClockPolicy.RESOLUTION, Map.of("en", "Resolution"), null,
                        Map.of("P1", Duration.ofHours(4), "P2", Duration.ofHours(6), "P3", Duration.ofHours(8)), null, null, null, null, null,
                        List.of(new Escalation(Escalation.NOTIFY_ROLE, "agent-it")),
                        List.of(new Escalation(Escalation.RAISE_PRIORITY, "P2"), new Escalation(Escalation.ASSIGN_GROUP, "network")))));
        RequestType type = new RequestType(base.key(), base.department(), base.category(), base.keyPrefix(), base.names(), base.help(),
                base.fields(), base.schemaVersion(), base.confidential(), base.validators(), base.calculators(), base.workflow(),
                base.resolutionCodes(), base.bundle(), base.audience(), base.routing(), base.approvals(), base.children(), policy);
        return TestCatalogs.registryOf(type);
    }

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("sla");
        registry = withSla();
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
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
                AssignmentGroupsService.of(Map.of("it", Map.of("network.members", "ina", "network.name.de", "Netz", "network.name.en", "Network"))),
                SlaPolicies.AS_DECLARED, calendars, false);
    }

    private Ticket incident(String impact, String urgency) {
        return service.create(ANNA, new NewTicket("it.incident", "VPN down", null, impact, urgency, Map.of("affectedService", "vpn")));
    }

    private SlaClock clock(String key, String name) {
        return service.clocks(ANNA, key).stream().filter(c -> c.key().equals(name)).findFirst().orElseThrow();
    }

    private List<String> actions(String key) {
        return service.history(INA, key).stream().map(HistoryEntry::action).toList();
    }

    @Test
    void aNewTicketRunsItsClocksAndTheQueueKnowsWhenItIsDue() {
        Ticket ticket = incident(null, null);
        assertEquals(1, ticket.version());
        assertEquals(1, service.get(ANNA, ticket.key()).version(), "keeping the clocks is no change of the ticket: no 409 for its next PATCH");
        clock.advance(Duration.ofHours(1));
        SlaClock resolution = clock(ticket.key(), ClockPolicy.RESOLUTION);
        assertEquals(SlaClock.RUNNING, resolution.state());
        assertEquals(Duration.ofHours(1), resolution.elapsed());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(8)), resolution.dueAt());
        assertEquals("office", resolution.calendar());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(2)), clock(ticket.key(), ClockPolicy.FIRST_RESPONSE).dueAt());
        Instant queued = databases.database().read(em -> em.createQuery("SELECT t.slaDueAt FROM TicketEntity t", Instant.class).getSingleResult());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(2)), queued, "the earliest running due time");
    }

    /**
     * A new ticket's row is inserted with its due time: no UPDATE of sla_due_at follows the INSERT (a
     * trigger counts them), while a change that moves the due time (a first response) still writes one.
     */
    @Test
    void aNewTicketIsInsertedWithItsDueTimeAndNoUpdateFollows() {
        databases.database().inTransaction(em -> {
            em.createNativeQuery("CREATE TABLE due_updates (n INT)").executeUpdate();
            return em.createNativeQuery("CREATE TRIGGER count_due_updates AFTER UPDATE OF sla_due_at ON ticket"
                    + " FOR EACH ROW INSERT INTO due_updates (n) VALUES (1)").executeUpdate();
        });
        try {
            Ticket ticket = incident(null, null);
            assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(2)), ticket.slaDueAt());
            assertEquals(0, dueUpdates(), "the INSERT carried the due time");
            service.comment(INA, ticket.key(), new NewComment("Looking into it", false));
            assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(8)), service.get(INA, ticket.key()).slaDueAt());
            assertEquals(1, dueUpdates(), "a due time that moves later is still written");
        } finally {
            databases.database().inTransaction(em -> {
                em.createNativeQuery("DROP TRIGGER count_due_updates").executeUpdate();
                return em.createNativeQuery("DROP TABLE due_updates").executeUpdate();
            });
        }
    }

    private long dueUpdates() {
        return databases.database().read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM due_updates").getSingleResult()).longValue());
    }

    /**
     * A new ticket's clocks are folded from memory (its creation row is not read back): what they store
     * is what folding its stored history stores, and folding again with nothing changed writes nothing.
     */
    @Test
    void aNewTicketsClocksFromMemoryAreThoseOfItsHistoryAndAnUnchangedFoldWritesNothing() {
        Ticket ticket = incident(null, null);
        List<String> created = clockRows();
        assertEquals(2, created.size(), created.toString());
        service.recompute(0, 100); // folds the stored history, at the same instant
        assertEquals(created, clockRows(), "the same figures, and no row written again (same version)");
        clock.advance(Duration.ofMinutes(30));
        service.recompute(0, 100);
        assertTrue(clockRows().stream().allMatch(row -> row.endsWith("@2")), "running clocks count on: written once more " + clockRows());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(2)), clock(ticket.key(), ClockPolicy.FIRST_RESPONSE).dueAt());
    }

    /** Each clock row as key, state, elapsed, due, warn, computed at, version. */
    private List<String> clockRows() {
        return databases.database().read(em -> em.createQuery("SELECT c FROM SlaClockEntity c ORDER BY c.clockKey",
                org.atrium.core.internal.persistence.SlaClockEntity.class).getResultList().stream()
                .map(c -> c.getClockKey() + " " + c.getState() + " " + c.getElapsedSeconds() + " " + c.getDueAt() + " " + c.getWarnAt()
                        + " " + c.getComputedAt() + "@" + c.getVersion())
                .toList());
    }

    /**
     * The queue and a single read carry the warning time of the clock that gives slaDueAt (the first
     * response, 75 % of 2 h), also once the warning has passed, so that a client colours the row amber
     * without reading the ticket's clocks.
     */
    @Test
    void theQueueAndTheTicketCarryTheWarningOfTheClockThatIsDueFirst() {
        Ticket ticket = incident(null, null);
        Instant due = MONDAY_0800_CET.plus(Duration.ofHours(2));
        Instant warning = MONDAY_0800_CET.plus(Duration.ofMinutes(90));
        assertEquals(warning, ticket.slaWarnAt(), "the creation's answer is what a read gives right after it");
        Ticket queued = service.list(INA, new TicketQuery("it", null, null, null, 10, null)).items().get(0);
        assertEquals(due, queued.slaDueAt());
        assertEquals(warning, queued.slaWarnAt(), "the first response's warning, not the resolution's (6 h)");
        assertEquals(warning, service.get(ANNA, ticket.key()).slaWarnAt());
        clock.advance(Duration.ofMinutes(100));
        assertEquals(1, service.runTimers(), "the warning");
        assertEquals(warning, service.get(INA, ticket.key()).slaWarnAt(), "a passed warning keeps its time");
        assertEquals(warning, clock(ticket.key(), ClockPolicy.FIRST_RESPONSE).warnAt());
        service.comment(INA, ticket.key(), new NewComment("On it", false)); // the first response is met: the resolution is due first
        Ticket answered = service.get(INA, ticket.key());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(8)), answered.slaDueAt());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(6)), answered.slaWarnAt());
    }

    @Test
    void aP1CountsRoundTheClock() {
        Ticket ticket = incident("high", "high");
        SlaClock resolution = clock(ticket.key(), ClockPolicy.RESOLUTION);
        assertEquals("24x7", resolution.calendar());
        assertEquals(MONDAY_0800_CET.plus(Duration.ofHours(4)), resolution.dueAt());
    }

    @Test
    void thePublicAnswerOfAnAgentMeetsTheFirstResponse() {
        Ticket ticket = incident(null, null);
        clock.advance(Duration.ofMinutes(20));
        service.comment(INA, ticket.key(), new NewComment("Looking into it", false));
        SlaClock first = clock(ticket.key(), ClockPolicy.FIRST_RESPONSE);
        assertEquals(SlaClock.MET, first.state());
        assertEquals(Duration.ofMinutes(20), first.elapsed());
    }

    @Test
    void warningsAndBreachesFireOnceAtTheirTimersWithTheirEscalations() {
        Ticket ticket = incident(null, null);
        service.comment(INA, ticket.key(), new NewComment("On it", false));
        clock.advance(Duration.ofHours(6)); // 75 % of 8 h
        assertEquals(1, service.runTimers());
        assertEquals(0, service.runTimers());
        assertEquals(1, actions(ticket.key()).stream().filter("sla-warning"::equals).count());
        clock.advance(Duration.ofHours(2));
        assertEquals(1, service.runTimers(), "the breach");
        assertEquals(1, actions(ticket.key()).stream().filter("sla-breached"::equals).count());
        Ticket escalated = service.get(INA, ticket.key());
        assertEquals("P2", escalated.priority().name(), "raised by the breach");
        assertEquals("network", escalated.assignmentGroup());
        clock.advance(Duration.ofHours(5));
        assertEquals(0, service.runTimers(), "a breach is recorded once, also with the shorter P2 target");
        assertEquals(1, actions(ticket.key()).stream().filter("sla-breached"::equals).count());
        assertEquals(SlaClock.BREACHED, clock(ticket.key(), ClockPolicy.RESOLUTION).state());
    }

    @Test
    void aClockStoppedLateIsRecordedAsBreachedAtTheStop() {
        Ticket ticket = incident(null, null);
        clock.advance(Duration.ofHours(3)); // first response breached at 2 h, nobody ran the timers
        service.comment(INA, ticket.key(), new NewComment("Sorry for the wait", false));
        SlaClock first = clock(ticket.key(), ClockPolicy.FIRST_RESPONSE);
        assertEquals(SlaClock.BREACHED, first.state());
        assertEquals(1, actions(ticket.key()).stream().filter("sla-breached"::equals).count());
    }

    @Test
    void aChangedPolicyRecomputesOpenClocksWithoutLosingAPause() {
        java.util.concurrent.atomic.AtomicReference<SlaPolicy> override = new java.util.concurrent.atomic.AtomicReference<>();
        SlaPolicies policies = type -> Optional.ofNullable(override.get() != null ? override.get() : type.sla());
        BusinessCalendarsService calendars = new BusinessCalendarsService();
        TicketServiceImpl tuned = new TicketServiceImpl(databases.database(), registry, new Extensions(), clock, null,
                new DirectoryService(new DatabaseDirectoryProvider(databases.database())), AssignmentGroupsService.of(Map.of()),
                policies, calendars, false);
        RequestType type = registry.find("it.incident").orElseThrow();
        override.set(new SlaPolicy("24x7", Map.of(), 75, type.sla().clocks()));
        Ticket ticket = tuned.create(ANNA, new NewTicket("it.incident", "Printer", null, null, null, Map.of("affectedService", "erp")));
        clock.advance(Duration.ofHours(1));
        tuned.transition(INA, ticket.key(), new TransitionRequest("in-progress", null, null));
        tuned.transition(INA, ticket.key(), new TransitionRequest("waiting-for-requester", null, null));
        clock.advance(Duration.ofHours(10));
        tuned.transition(INA, ticket.key(), new TransitionRequest("in-progress", null, null));
        // the department shortens resolution to 3 h: the clock had counted 1 h, paused 10 h, and runs since
        ClockPolicy shorter = new ClockPolicy(ClockPolicy.RESOLUTION, Map.of("en", "Resolution"), null, Map.of("P3", Duration.ofHours(3)),
                null, null, null, null, null, null, null);
        override.set(new SlaPolicy("24x7", Map.of(), 75, List.of(shorter)));
        assertEquals(-1, tuned.recompute(Long.MAX_VALUE - 1, 10), "nothing after the last ticket");
        long last = tuned.recompute(0, 10);
        assertTrue(last > 0);
        Instant due = databases.database().read(em -> em.createQuery("SELECT c.dueAt FROM SlaClockEntity c WHERE c.clockKey = 'resolution'",
                Instant.class).getSingleResult());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), due, "1 h counted before the pause, 2 h left");
        assertEquals(0, databases.database().read(em -> em.createQuery("SELECT COUNT(c) FROM SlaClockEntity c WHERE c.clockKey = 'first-response'",
                Long.class).getSingleResult()).intValue(), "a clock the policy no longer has goes");
    }

    @Test
    void theExplanationNamesTheRowsThatPausedTheClock() {
        Ticket ticket = incident(null, null);
        clock.advance(Duration.ofHours(1));
        service.transition(INA, ticket.key(), new TransitionRequest("in-progress", null, null));
        clock.advance(Duration.ofHours(1));
        service.transition(INA, ticket.key(), new TransitionRequest("waiting-for-requester", null, null));
        clock.advance(Duration.ofDays(2));
        service.comment(ANNA, ticket.key(), new NewComment("Here is the log", false));
        service.transition(INA, ticket.key(), new TransitionRequest("in-progress", null, null));
        SlaClock resolution = clock(ticket.key(), ClockPolicy.RESOLUTION);
        assertEquals(Duration.ofHours(2), resolution.elapsed(), "two days waiting for anna do not count");
        List<String> states = resolution.segments().stream().map(s -> s.state()).toList();
        assertEquals(List.of("running", "paused", "running"), states);
        assertTrue(resolution.segments().get(1).cause().contains("waiting-for-requester"), resolution.segments().get(1).cause());
        assertNull(resolution.stoppedAt());
    }
}
