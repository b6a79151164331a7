package org.atrium.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.audit.AuditEntry;
import org.atrium.api.audit.AuditPage;
import org.atrium.api.audit.AuditQuery;
import org.atrium.api.audit.AuditTrail;
import org.atrium.api.privacy.ErasureReport;
import org.atrium.api.privacy.PersonalData;
import org.atrium.api.privacy.PersonalDataExport;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketService;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.core.internal.audit.TestAudit;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.DatabasesPerEngine;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.ticket.TestTickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export, erasure, audit and retention on the real persistence unit: after an erasure no read finds the person. */
class PersonalDataTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller CARL = Caller.of("carl", "employee", "agent-it");
    static final Caller ROOT = Caller.of("root", Caller.ADMIN);
    static final String ANNA_ROW = "anna,Anna Annerl,anna.annerl@example.com,de,sales,,DE,DE-BY,employee,true,,,";
    private static final DatabasesPerEngine DATABASES = new DatabasesPerEngine("personaldata");
    private static RequestTypeCatalog catalog;
    private TestDatabases databases;
    private TicketService tickets;
    private PersonalData personalData;
    private AuditTrail audit;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void catalog() {
        catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT, TestCatalogs.HR_CASE);
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    /** One database per engine for the class, emptied before each test. */
    void fresh(Engine engine) throws SQLException {
        databases = DATABASES.cleared(engine);
        TestPeople.store(databases.database(), TestPeople.CARL, ANNA_ROW);
        tickets = TestTickets.service(databases.database(), catalog, clock);
        personalData = new PersonalDataService(databases.database(), new DirectoryService(new DatabaseDirectoryProvider(databases.database())),
                catalog, clock);
        audit = TestAudit.trail(databases.database(), clock);
    }

    private Ticket annasIncident() {
        Ticket ticket = tickets.create(ANNA, new NewTicket("it.incident", "Anna's laptop is broken", "Call Anna Annerl at 0171",
                null, null, Map.of("affectedService", "email", "details", "anna.annerl@example.com can't log in")));
        tickets.comment(ANNA, ticket.key(), new NewComment("Please hurry, Anna", false));
        tickets.comment(CARL, ticket.key(), new NewComment("On it", false));
        tickets.update(CARL, ticket.key(), new TicketUpdate(tickets.get(CARL, ticket.key()).version(), null, null, null, null, "carl", null, null));
        return ticket;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void columnsNamePeopleByStableIdAndTheApiByLogin(Engine engine) throws SQLException {
        fresh(engine);
        Ticket ticket = annasIncident();
        assertEquals("anna", ticket.requester());
        assertEquals("anna", tickets.get(CARL, ticket.key()).requester());
        assertEquals(1, tickets.list(ANNA, new TicketQuery(null, null, null, "anna", 50, null)).items().size());
        try (Connection c = databases.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT t.requester, i.login FROM ticket t, person_identity i WHERE i.id = t.requester")) {
            assertTrue(r.next());
            assertTrue(r.getString(1).startsWith("p-"), r.getString(1));
            assertEquals("anna", r.getString(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exportHoldsTicketsCommentsAndHistoryOfThePerson(Engine engine) throws SQLException {
        fresh(engine);
        Ticket ticket = annasIncident();
        PersonalDataExport export = personalData.export(ROOT, "anna");
        assertEquals("anna", export.login());
        assertEquals("anna.annerl@example.com", export.person().email());
        assertEquals(List.of(ticket.key()), export.ticketsRequested().stream().map(Ticket::key).toList());
        assertEquals(List.of("Please hurry, Anna"), export.comments().stream().map(PersonalDataExport.CommentOf::body).toList());
        assertTrue(export.history().stream().anyMatch(h -> h.action().equals("created")));
        PersonalDataExport carls = personalData.export(ROOT, "carl");
        assertEquals(List.of(ticket.key()), carls.ticketsAssigned());
        assertTrue(carls.history().stream().anyMatch(h -> "assignee".equals(h.field()) && "carl".equals(h.after())),
                "the assignee value names carl by id in the column, by login here");
        assertThrows(ForbiddenException.class, () -> personalData.export(CARL, "anna"));
        assertThrows(NotFoundException.class, () -> personalData.export(ROOT, "nobody"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void afterAnErasureNoReadFindsThePersonAndTicketsStayForStatistics(Engine engine) throws SQLException {
        fresh(engine);
        Ticket ticket = annasIncident();
        org.atrium.api.search.TicketSearch search = (org.atrium.api.search.TicketSearch) tickets;
        java.util.function.Function<String, Integer> found = text -> search.search(CARL,
                new org.atrium.api.search.SearchQuery(text, TicketQuery.all())).items().size();
        assertEquals(List.of(1, 1, 1), List.of(found.apply("Annerl"), found.apply("hurry"), found.apply("laptop")), "indexed before");
        ErasureReport report = personalData.erase(ROOT, "anna");
        assertEquals(List.of(0, 0, 0), List.of(found.apply("Annerl"), found.apply("hurry"), found.apply("laptop")),
                "the search index forgets the erased person's words (description, comment, summary)");
        assertFalse(report.alreadyErased());
        assertTrue(report.pseudonym().startsWith("erased:"), report.pseudonym());
        assertEquals(1, report.ticketsRedacted());
        assertEquals(1, report.commentsRedacted());

        Ticket after = tickets.get(CARL, ticket.key());
        assertEquals(report.pseudonym(), after.requester());
        assertEquals(PersonalData.REDACTED, after.summary());
        assertEquals(PersonalData.REDACTED, after.description());
        assertEquals(PersonalData.REDACTED, after.fields().get("details"));
        assertEquals("email", after.fields().get("affectedService"), "what statistics need stays");
        assertEquals(ticket.priority(), after.priority());
        assertEquals("carl", after.assignee());

        StringBuilder everything = new StringBuilder();
        everything.append(Json.write(after)).append(Json.write(tickets.comments(CARL, ticket.key())))
                .append(Json.write(tickets.history(CARL, ticket.key())))
                .append(Json.write(tickets.list(CARL, new TicketQuery("it", null, null, null, 50, null))))
                .append(Json.write(personalData.export(ROOT, report.pseudonym())))
                .append(Json.write(audit.find(ROOT, new AuditQuery(null, null, null, null, 200, null))));
        for (String trace : List.of("anna", "Anna", "annerl@example.com")) {
            assertFalse(everything.toString().contains(trace), trace + " in " + everything);
        }
        assertTrue(tickets.list(ANNA, new TicketQuery(null, null, null, "anna", 50, null)).items().isEmpty(),
                "the login no longer finds the erased person's tickets");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void erasureIsIdempotentAndAudited(Engine engine) throws SQLException {
        fresh(engine);
        annasIncident();
        ErasureReport first = personalData.erase(ROOT, "anna");
        ErasureReport retry = personalData.erase(ROOT, first.pseudonym());
        assertTrue(retry.alreadyErased());
        assertEquals(first.pseudonym(), retry.pseudonym());
        assertThrows(NotFoundException.class, () -> personalData.erase(ROOT, "anna"));
        assertThrows(ForbiddenException.class, () -> personalData.erase(CARL, "carl"));
        AuditPage page = audit.find(ROOT, new AuditQuery(null, null, null, AuditTrail.PERSON_ERASED, 50, null));
        assertEquals(1, page.entries().size());
        AuditEntry erased = page.entries().get(0);
        assertEquals("root", erased.actor());
        assertEquals(first.pseudonym(), erased.target());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void erasureEndsThePersonsPortalSessions(Engine engine) throws SQLException {
        fresh(engine);
        org.atrium.api.session.SessionLimits limits = org.atrium.api.session.SessionLimits.of(30, 10);
        var sessions = new org.atrium.core.internal.session.DatabaseSessionStore(databases.database());
        String annas = sessions.start(ANNA, limits).token();
        String carls = sessions.start(CARL, limits).token();
        personalData.erase(ROOT, "anna");
        assertTrue(sessions.find(annas, limits).isEmpty());
        assertTrue(sessions.find(carls, limits).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void auditPagesNewestFirstOverHistoryAndEventsAndHidesConfidentialValuesFromAdmins(Engine engine) throws SQLException {
        fresh(engine);
        Ticket hr = tickets.create(ANNA, new NewTicket("hr.case", "My salary is wrong", null, null, null, Map.of()));
        annasIncident();
        audit.loginFailed("anna", "10.0.0.7");
        audit.loginFailed("mallory", "10.0.0.8");
        List<AuditEntry> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = audit.find(ROOT, new AuditQuery(null, null, null, null, 2, cursor));
            all.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        AuditPage whole = audit.find(ROOT, new AuditQuery(null, null, null, null, 200, null));
        assertEquals(whole.entries(), all, "paging by two gives the same trail as one page");
        AuditEntry hrCreated = all.stream().filter(e -> hr.key().equals(e.ticket()) && e.action().equals("created")).findFirst().orElseThrow();
        assertTrue(hrCreated.redacted());
        assertNull(hrCreated.after());
        List<AuditEntry> failures = all.stream().filter(e -> e.action().equals(AuditTrail.LOGIN_FAILED)).toList();
        assertEquals(2, failures.size());
        assertTrue(failures.stream().anyMatch(e -> "anna".equals(e.actor()) && "10.0.0.7".equals(e.address())));
        assertTrue(failures.stream().anyMatch(e -> e.actor() == null), "an unknown name is not kept");
        assertEquals(all.stream().filter(e -> "anna".equals(e.actor())).toList(),
                audit.find(ROOT, new AuditQuery(null, null, "anna", null, 200, null)).entries());
        assertThrows(ForbiddenException.class, () -> audit.find(CARL, new AuditQuery(null, null, null, null, 2, null)));
        assertThrows(org.atrium.api.ValidationException.class, () -> audit.find(ROOT, new AuditQuery(null, null, null, null, 2, "bogus")));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void retentionAnonymisesClosedTicketsOfMatchingTypesOnce(Engine engine) throws SQLException {
        fresh(engine);
        Ticket hr = tickets.create(ANNA, new NewTicket("hr.case", "My salary is wrong", "details", null, null, Map.of()));
        Ticket it = annasIncident();
        try (Connection c = databases.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (java.sql.PreparedStatement close = c.prepareStatement("UPDATE ticket SET status = 'closed', status_category = 'closed', status_changed_at = ?")) {
                close.setTimestamp(1, java.sql.Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")));
                close.executeUpdate();
            }
        }
        RetentionService retention = new RetentionService(databases.database(), catalog, clock, Map.of("hr.*", "P365D", "bogus key", "P1D"), false);
        assertEquals(1, retention.runNow(clock.instant()));
        assertEquals(0, retention.runNow(clock.instant()), "an anonymised ticket is not anonymised again");
        Ticket anonymised = tickets.get(Caller.of("helga", "agent-hr"), hr.key());
        assertEquals(RetentionRun.PLACEHOLDER_LOGIN, anonymised.requester());
        assertEquals(PersonalData.REDACTED, anonymised.summary());
        assertEquals("Anna's laptop is broken", tickets.get(CARL, it.key()).summary(), "IT has no retention configured");
        assertTrue(audit.find(ROOT, new AuditQuery(null, null, null, AuditTrail.RETENTION_ANONYMISED, 50, null)).entries().stream()
                .anyMatch(e -> hr.key().equals(e.ticket())));
        assertEquals(Duration.ofDays(365), RetentionRules.parse(Map.of("hr.*", "P365D")).forType("hr.case").orElseThrow().period());
    }
}
