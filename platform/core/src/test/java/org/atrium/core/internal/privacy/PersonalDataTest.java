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

    /** Rows of the mail, watcher and webhook tables (V20, V21, V23) naming anna and carl, as their services write them. */
    private void mailAndWebhookRows(String annasTicket, String carlsTicket) throws SQLException {
        Instant old = Instant.parse("2025-11-01T08:00:00Z");
        sql("INSERT INTO ticket_watcher (ticket_key, person_id, added_by, added_at) VALUES (?, ?, ?, ?)", annasTicket, "anna", "anna", old);
        sql("INSERT INTO ticket_watcher (ticket_key, person_id, added_by, added_at) VALUES (?, ?, ?, ?)", annasTicket, "carl", "anna", old);
        sql("INSERT INTO ticket_watcher (ticket_key, person_id, added_by, added_at) VALUES (?, ?, ?, ?)", carlsTicket, "carl", "carl", old);
        mail(1, "Anna.Annerl@example.com", "anna", "created", annasTicket, "Your request: Anna's laptop", "Hello Anna Annerl", "sent", old);
        mail(2, "anna.annerl@example.com", "anna", "comment", annasTicket, "A comment", "On it", "pending", null);
        mail(3, "carl@example.com", "carl", "comment", annasTicket, "Anna's laptop is broken", "Please hurry, Anna", "sent", old);
        mail(4, "carl@example.com", "carl", "created", carlsTicket, "Printer", "Ask anna.annerl@example.com for the toner", "sent", old);
        mail(5, "carl@example.com", "carl", "created", carlsTicket, "Printer", "The printer on floor 2", "sent", old);
        inbound("k1", annasTicket, "ANNA.ANNERL@example.com", "commented", "a reply", old);
        inbound("k2", null, "carl@example.com", "ignored", "auto-reply from carl@example.com", old);
        inbound("k3", null, "mallory@example.com", "rejected", "unknown sender; copy to anna.annerl@example.com", old);
        sql("INSERT INTO webhook (id, url, events, secret, enabled, consecutive_failures, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                7L, "https://hooks.example.com/in", "ticket.created", "s3cret", true, 0, "anna", old);
        sql("INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, ticket_key, payload, created_at, attempts, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 8L, 7L, "e-1", "ticket.created", annasTicket,
                "{\"ticket\":{\"summary\":\"Anna's laptop is broken\"},\"data\":{\"actor\":\"anna\"}}", old, 1, "delivered");
        sql("INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, ticket_key, payload, created_at, attempts, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 9L, 7L, "e-2", "ticket.commented", carlsTicket,
                "{\"ticket\":{\"summary\":\"Printer\"},\"data\":{\"actor\":\"anna\"}}", old, 0, "pending");
        sql("INSERT INTO webhook_attempt (id, webhook_id, delivery_id, attempt, attempted_at, http_status, duration_ms, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 10L, 7L, 8L, 1, old, 200, 12L, "delivered");
    }

    private void mail(long id, String recipient, String login, String template, String ticket, String subject, String body, String state,
            Instant sentAt) throws SQLException {
        sql("INSERT INTO mail_message (id, event_id, recipient, person_id, template, language, ticket_key, subject, text_body, html_body,"
                + " message_id, state, attempts, next_attempt_at, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, 100L + id, recipient, login, template, "en", ticket, subject, body, "<p>" + body + "</p>", "<m" + id + "@atrium>", state,
                sentAt == null ? 0 : 1, Instant.parse("2025-11-01T08:00:00Z"), Instant.parse("2025-11-01T07:00:00Z"), sentAt);
    }

    private void inbound(String key, String ticket, String sender, String outcome, String detail, Instant at) throws SQLException {
        sql("INSERT INTO inbound_mail (message_key, message_id, state, outcome, ticket_key, sender, detail, attempts, claimed_at, finished_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key, "<" + key + "@mail.example.com>", "done", outcome, ticket, sender, detail, 1, at, at);
    }

    private void sql(String statement, Object... values) throws SQLException {
        try (Connection c = databases.dataSource().getConnection(); java.sql.PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    s.setNull(i + 1, s.getParameterMetaData().getParameterType(i + 1)); // Derby refuses setObject(null)
                } else {
                    s.setObject(i + 1, values[i] instanceof Instant at ? java.sql.Timestamp.from(at) : values[i]);
                }
            }
            s.executeUpdate();
        }
    }

    /** Every row of a table as text, one line a row. */
    private String rows(String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = databases.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            while (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    text.append(r.getString(i)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private int count(String table) throws SQLException {
        return (int) rows(table).lines().count();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exportListsWatchesMailsInboundMailsAndWebhooksOfThePersonOnly(Engine engine) throws SQLException {
        fresh(engine);
        Ticket annas = annasIncident();
        Ticket carls = tickets.create(CARL, new NewTicket("it.incident", "Printer", "out of toner", null, null, Map.of("affectedService", "erp")));
        mailAndWebhookRows(annas.key(), carls.key());
        PersonalDataExport export = personalData.export(ROOT, "anna");
        assertEquals(List.of(annas.key()), export.ticketsWatched());
        assertEquals(List.of("created", "comment"), export.mails().stream().map(PersonalDataExport.MailOf::template).toList(),
                "the mails to anna, by login and by address in any case; not carl's mails about her");
        PersonalDataExport.MailOf sent = export.mails().get(0);
        assertEquals(annas.key(), sent.ticket());
        assertEquals("sent", sent.state());
        assertEquals(Instant.parse("2025-11-01T08:00:00Z"), sent.sentAt());
        assertEquals(List.of("commented"), export.inboundMails().stream().map(PersonalDataExport.InboundMailOf::outcome).toList());
        assertEquals(annas.key(), export.inboundMails().get(0).ticket());
        assertEquals(List.of(7L), export.webhooksCreated());
        PersonalDataExport carlsExport = personalData.export(ROOT, "carl");
        assertEquals(List.of(annas.key(), carls.key()), carlsExport.ticketsWatched());
        assertEquals(3, carlsExport.mails().size());
        assertTrue(carlsExport.webhooksCreated().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void afterAnErasureNoMailWatcherOrWebhookRowNamesThePerson(Engine engine) throws SQLException {
        fresh(engine);
        Ticket annas = annasIncident();
        Ticket carls = tickets.create(CARL, new NewTicket("it.incident", "Printer", "out of toner", null, null, Map.of("affectedService", "erp")));
        mailAndWebhookRows(annas.key(), carls.key());
        sql("INSERT INTO approval_link_use (approval_id, decision, used_at) VALUES (?, ?, ?)", 42L, "approve", clock.instant());
        String pseudonym = personalData.erase(ROOT, "anna").pseudonym();
        for (String table : List.of("mail_message", "ticket_watcher", "approval_link_use", "inbound_mail", "webhook", "webhook_delivery",
                "webhook_attempt", "ticket_search_term", "ticket_search_rank")) {
            String rows = rows(table).toLowerCase(java.util.Locale.ROOT);
            for (String trace : List.of("anna", "annerl")) {
                assertFalse(rows.contains(trace), trace + " in " + table + ": " + rows);
            }
        }
        assertEquals(List.of(2, 3, 3), List.of(count("ticket_watcher"), count("mail_message"), count("inbound_mail")),
                "her watch and her mails are gone; carl's watches, mails and every inbound record stay");
        assertTrue(rows("ticket_watcher").contains(pseudonym), "a watch she added for carl names the pseudonym");
        assertTrue(rows("mail_message").contains("The printer on floor 2"), "a mail about nothing of hers keeps its body");
        assertTrue(rows("inbound_mail").contains("auto-reply from carl@example.com"));
        assertTrue(rows("webhook").contains(pseudonym));
        PersonalDataExport after = personalData.export(ROOT, pseudonym);
        assertEquals(List.of(List.of(), List.of(), List.of()), List.of(after.ticketsWatched(), after.mails(), after.inboundMails()));
        assertEquals(List.of(7L), after.webhooksCreated());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void retentionPurgesSentMailsProcessedInboundMailsAndWebhookAttemptsPastTheirAge(Engine engine) throws SQLException {
        fresh(engine);
        Ticket annas = annasIncident();
        Ticket carls = tickets.create(CARL, new NewTicket("it.incident", "Printer", "out of toner", null, null, Map.of("affectedService", "erp")));
        mailAndWebhookRows(annas.key(), carls.key()); // 2025-11-01: 121 days before the clock
        mail(6, "carl@example.com", "carl", "created", carls.key(), "Printer", "recent", "sent", Instant.parse("2026-02-20T08:00:00Z"));
        inbound("k4", null, "carl@example.com", null, null, Instant.parse("2025-11-01T08:00:00Z"));
        sql("UPDATE inbound_mail SET state = 'claimed', finished_at = NULL WHERE message_key = 'k4'");

        RetentionService sixMonths = new RetentionService(databases.database(), catalog, clock,
                Map.of("purge.sentMails", "P180D", "purge.inboundMails", "P180D", "purge.webhookAttempts", "P180D"), false);
        assertEquals(0, sixMonths.purgeNow(clock.instant()), "nothing is older than 180 days");
        RetentionService defaults = new RetentionService(databases.database(), catalog, clock, Map.of(), false);
        assertEquals(4 + 3 + 2, defaults.purgeNow(clock.instant()));
        assertEquals(List.of("comment", "created"), List.of(rows("mail_message").split("\n")).stream().map(row -> row.split("\\|")[4]).sorted().toList(),
                "the pending mail and the recent sent one stay");
        assertEquals(1, count("inbound_mail"), "a mail still being processed stays");
        assertEquals(0, count("webhook_attempt"));
        assertEquals(1, count("webhook_delivery"), "the pending delivery stays");
        assertEquals(0, defaults.purgeNow(clock.instant()));
        RetentionRules parsed = RetentionRules.parse(Map.of("purge.sentMails", "P30D", "purge.inboundMails", "soon", "hr.*", "P365D"));
        assertEquals(Duration.ofDays(30), parsed.purges().sentMails());
        assertEquals(RetentionPurges.DEFAULT, parsed.purges().inboundMails());
        assertEquals(List.of("purge.inboundMails: not an ISO-8601 duration such as P365D: soon"), parsed.problems());
        assertEquals(1, parsed.rules().size(), "purge keys are no request type rules");
    }
}
