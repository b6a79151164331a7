package org.atrium.core.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.atrium.api.ConflictException;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.attachment.Attachment;
import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentTooLargeException;
import org.atrium.api.attachment.AttachmentTypeRefusedException;
import org.atrium.api.attachment.AttachmentUpload;
import org.atrium.api.privacy.PersonalData;
import org.atrium.api.privacy.PersonalDataExport;
import org.atrium.api.rating.NewRating;
import org.atrium.api.rating.Rating;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketService;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.persistence.DatabasesPerEngine;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.privacy.PersonalDataService;
import org.atrium.core.internal.rating.TestRatings;
import org.atrium.core.internal.ticket.TestTickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Attachments and ratings on the real persistence unit, on Derby and PostgreSQL. */
class AttachmentServiceTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller BEN = Caller.of("ben", "employee");
    static final Caller CARL = Caller.of("carl", "employee", "agent-it");
    static final Caller HELGA = Caller.of("helga", "employee", "agent-hr");
    static final Caller ROOT = Caller.of("root", Caller.ADMIN);
    static final AttachmentRules RULES = new AttachmentRules(64 * 1024, ContentTypes.DEFAULT);
    private static final DatabasesPerEngine DATABASES = new DatabasesPerEngine("attachments");
    private static RequestTypeCatalog catalog;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private TestDatabases databases;
    private TicketService tickets;
    private AttachmentServiceImpl attachments;
    private org.atrium.api.rating.RatingService ratings;

    @BeforeAll
    static void catalog() {
        catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT, TestCatalogs.HR_CASE);
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    void fresh(Engine engine) throws SQLException {
        databases = DATABASES.cleared(engine);
        TestPeople.store(databases.database(), TestPeople.CARL, "anna,Anna Annerl,anna@example.com,de,sales,,DE,DE-BY,employee,true,,,");
        tickets = TestTickets.service(databases.database(), catalog, clock);
        attachments = new AttachmentServiceImpl(databases.database(), clock);
        ratings = TestRatings.service(databases.database(), clock);
    }

    private Ticket incident() {
        return tickets.create(ANNA, new NewTicket("it.incident", "Printer jams", null, null, null, Map.of("affectedService", "email")));
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 8);
        return bytes;
    }

    private static AttachmentUpload upload(String name, String type, byte[] bytes) {
        return new AttachmentUpload(name, type, new ByteArrayInputStream(bytes));
    }

    private byte[] download(Caller caller, String key, long id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        attachments.copyContent(caller, key, id, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void uploadListAndDownloadByteIdentical(Engine engine) throws Exception {
        fresh(engine);
        Ticket ticket = incident();
        byte[] bytes = pdf(50_000);
        Attachment added = attachments.attach(ANNA, ticket.key(), upload("../Übersicht März.pdf", "application/pdf; q=1", bytes), RULES);
        assertEquals("Übersicht März.pdf", added.fileName());
        assertEquals("application/pdf", added.contentType());
        assertEquals(50_000, added.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), added.sha256());
        assertEquals("anna", added.uploadedBy());
        assertEquals(List.of(added), attachments.list(CARL, ticket.key()), "the department's agent sees it");
        assertArrayEquals(bytes, download(CARL, ticket.key(), added.id()));
        assertArrayEquals(bytes, download(ANNA, ticket.key(), added.id()));
        assertEquals(added, attachments.download(ANNA, ticket.key(), added.id()).attachment());
        assertEquals("Übersicht_März.pdf", attachments.download(ANNA, ticket.key(), added.id()).fileName());
        assertTrue(tickets.history(ANNA, ticket.key()).stream()
                .anyMatch(h -> AttachmentServiceImpl.ADDED.equals(h.action()) && String.valueOf(added.id()).equals(h.after())));
        assertThrows(NotFoundException.class, () -> attachments.download(ANNA, ticket.key(), added.id() + 1000));
        Ticket other = incident();
        assertThrows(NotFoundException.class, () -> attachments.download(ANNA, other.key(), added.id()), "an id of another ticket");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void visibilityIsTheTicketsAndNothingIsStoredWhenRefused(Engine engine) throws Exception {
        fresh(engine);
        Ticket incident = incident();
        Ticket hr = tickets.create(ANNA, new NewTicket("hr.case", "Salary", null, null, null, Map.of()));
        Attachment onHr = attachments.attach(ANNA, hr.key(), upload("a.txt", "text/plain", "plain".getBytes(StandardCharsets.UTF_8)), RULES);
        assertThrows(NotFoundException.class, () -> attachments.list(BEN, hr.key()), "confidential: another requester learns nothing");
        assertThrows(NotFoundException.class, () -> download(CARL, hr.key(), onHr.id()), "nor another department's agent");
        assertThrows(NotFoundException.class, () -> download(ROOT, hr.key(), onHr.id()), "nor an administrator");
        assertEquals(1, attachments.list(HELGA, hr.key()).size());
        assertThrows(ForbiddenException.class, () -> attachments.list(BEN, incident.key()));
        assertThrows(ForbiddenException.class, () -> attachments.attach(ROOT, incident.key(), upload("a.txt", "text/plain", "x".getBytes()), RULES),
                "administrators read but do not comment");

        assertThrows(AttachmentTooLargeException.class, () -> attachments.attach(ANNA, incident.key(), upload("big.pdf", "application/pdf",
                pdf((int) RULES.maxBytes() + 1)), RULES));
        AttachmentTypeRefusedException html = assertThrows(AttachmentTypeRefusedException.class, () -> attachments.attach(ANNA, incident.key(),
                upload("evil.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes()), RULES));
        assertEquals("file", html.errors().get(0).field());
        assertThrows(AttachmentTypeRefusedException.class, () -> attachments.attach(ANNA, incident.key(),
                upload("page.html", "text/plain", "hello".getBytes()), RULES));
        assertThrows(ValidationException.class, () -> attachments.attach(ANNA, incident.key(), null, RULES));
        assertEquals(List.of(), attachments.list(ANNA, incident.key()));
        assertEquals(1, count("SELECT COUNT(*) FROM ticket_attachment"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ratingByTheRequesterOfAResolvedTicketUntilItCloses(Engine engine) throws Exception {
        fresh(engine);
        Ticket ticket = incident();
        assertThrows(ConflictException.class, () -> ratings.rate(ANNA, ticket.key(), new NewRating(5, null)), "not resolved yet");
        tickets.transition(CARL, ticket.key(), new TransitionRequest("resolved", null, "fixed", null));
        ValidationException bad = assertThrows(ValidationException.class, () -> ratings.rate(ANNA, ticket.key(), new NewRating(6, null)));
        assertEquals("score", bad.errors().get(0).field());
        assertEquals("score", assertThrows(ValidationException.class, () -> ratings.rate(ANNA, ticket.key(), new NewRating(null, "x")))
                .errors().get(0).field());
        assertThrows(ForbiddenException.class, () -> ratings.rate(CARL, ticket.key(), new NewRating(5, null)), "only the requester");
        assertTrue(ratings.rating(ANNA, ticket.key()).isEmpty());
        assertEquals(null, tickets.get(ANNA, ticket.key()).rating());

        Rating first = ratings.rate(ANNA, ticket.key(), new NewRating(3, "slow"));
        assertEquals(new Rating(3, "slow", "anna", clock.instant()), first);
        Rating changed = ratings.rate(ANNA, ticket.key(), new NewRating(4, null));
        assertEquals(4, changed.score());
        assertEquals(changed, tickets.get(CARL, ticket.key()).rating(), "the ticket's representation carries it");
        assertEquals(2, tickets.history(ANNA, ticket.key()).stream().filter(h -> "rated".equals(h.action())).count());

        tickets.transition(ANNA, ticket.key(), new TransitionRequest("closed", null, null, null));
        assertThrows(ConflictException.class, () -> ratings.rate(ANNA, ticket.key(), new NewRating(5, null)), "closed: no more changes");
        assertEquals(4, ratings.rating(CARL, ticket.key()).orElseThrow().score());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exportListsUploadsAndErasureRemovesTheBytes(Engine engine) throws Exception {
        fresh(engine);
        Ticket ticket = incident();
        Attachment added = attachments.attach(ANNA, ticket.key(), upload("anna-sick-note.pdf", "application/pdf", pdf(1000)), RULES);
        tickets.transition(CARL, ticket.key(), new TransitionRequest("resolved", null, "fixed", null));
        ratings.rate(ANNA, ticket.key(), new NewRating(2, "Anna was unhappy"));
        PersonalData personalData = new PersonalDataService(databases.database(),
                new DirectoryService(new DatabaseDirectoryProvider(databases.database())), catalog, clock);
        Attachment waiting = attachments.upload(ANNA, upload("second-note.pdf", "application/pdf", pdf(500)), RULES); // no ticket yet
        PersonalDataExport export = personalData.export(ROOT, "anna");
        assertEquals(List.of("anna-sick-note.pdf", "second-note.pdf"),
                export.attachments().stream().map(PersonalDataExport.AttachmentOf::fileName).toList());
        assertEquals(ticket.key(), export.attachments().get(0).ticket());
        assertEquals(null, export.attachments().get(1).ticket());
        assertEquals(waiting.id(), export.attachments().get(1).id());
        assertEquals(2, export.ratings().get(0).score());

        personalData.erase(ROOT, "anna");
        assertEquals(List.of(), attachments.list(CARL, ticket.key()));
        assertThrows(NotFoundException.class, () -> download(CARL, ticket.key(), added.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM ticket_attachment WHERE ticket_id IS NULL"), "the upload no ticket took is gone");
        assertEquals(0, count("SELECT COUNT(*) FROM ticket_attachment WHERE content IS NOT NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM ticket_attachment WHERE file_name = '" + PersonalData.REDACTED + "'"));
        assertEquals(PersonalData.REDACTED, ratings.rating(CARL, ticket.key()).orElseThrow().comment());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = databases.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
