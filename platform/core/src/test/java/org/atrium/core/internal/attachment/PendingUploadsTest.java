package org.atrium.core.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.attachment.Attachment;
import org.atrium.api.attachment.AttachmentUpload;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketService;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.DatabasesPerEngine;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.ticket.TestTickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads before their ticket (POST /attachments): an attachment field takes only the caller's own upload
 * that no other ticket holds, attaches it in the ticket's transaction, and the sweep deletes what no
 * ticket took. On Derby and PostgreSQL.
 */
class PendingUploadsTest {
    static final Caller ANNA = AttachmentServiceTest.ANNA;
    static final Caller BEN = AttachmentServiceTest.BEN;
    private static final String REVIEW = """
            {
              "key": "legal.review", "department": "legal", "category": "service-request", "keyPrefix": "LEG",
              "schemaVersion": 1, "names": {"de": "Prüfung", "en": "Review"},
              "fields": [
                {"name": "document", "type": "attachment", "required": true, "labels": {"de": "Entwurf", "en": "Draft"}},
                {"name": "annex", "type": "attachment", "labels": {"de": "Anlage", "en": "Annex"}}
              ]
            }
            """;
    private static final DatabasesPerEngine DATABASES = new DatabasesPerEngine("uploads");
    private static RequestTypeCatalog catalog;
    private final Instant start = Instant.parse("2026-03-02T08:00:00Z");
    private TestDatabases databases;
    private TicketService tickets;
    private AttachmentServiceImpl attachments;

    @BeforeAll
    static void catalog() {
        catalog = TestCatalogs.catalog(REVIEW);
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    void fresh(Engine engine) throws SQLException {
        databases = DATABASES.cleared(engine);
        Clock clock = Clock.fixed(start, ZoneOffset.UTC);
        tickets = TestTickets.service(databases.database(), catalog, clock);
        attachments = new AttachmentServiceImpl(databases.database(), clock);
    }

    private long upload(Caller caller) {
        byte[] bytes = "a draft contract".getBytes(StandardCharsets.UTF_8);
        Attachment held = attachments.upload(caller, new AttachmentUpload("draft.txt", "text/plain", new ByteArrayInputStream(bytes)),
                AttachmentServiceTest.RULES);
        return held.id();
    }

    private int sweep(Instant before) {
        Integer deleted = databases.database().inTransaction(em -> PendingUploads.sweep(em, before, 100));
        return deleted;
    }

    private Ticket review(Caller caller, Map<String, Object> fields) {
        return tickets.create(caller, new NewTicket("legal.review", "NDA with Acme", null, null, null, fields));
    }

    private static void refused(String field, String reason, Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        assertEquals(field, e.errors().get(0).field(), e.errors().toString());
        assertTrue(e.errors().get(0).reason().contains(reason), e.errors().toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRequiredAttachmentFieldIsFilledWithAnUploadMadeBeforeTheTicket(Engine engine) throws Exception {
        fresh(engine);
        long id = upload(ANNA);
        assertEquals(1, databases.count("ticket_attachment"));
        refused("fields.document", "is required", () -> review(ANNA, Map.of()));

        Ticket created = review(ANNA, Map.of("document", String.valueOf(id)));
        assertEquals(String.valueOf(id), created.fields().get("document"));
        assertEquals(id, attachments.list(ANNA, created.key()).get(0).id());
        assertTrue(tickets.history(ANNA, created.key()).stream().anyMatch(h -> AttachmentServiceImpl.ADDED.equals(h.action())));
        // the same id again is no longer free: it belongs to the first ticket
        refused("fields.document", "attached to another ticket", () -> review(ANNA, Map.of("document", String.valueOf(id))));
        assertEquals(1, databases.count("ticket"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void someoneElsesUnknownOrMalformedUploadIsRefusedAndNothingIsStored(Engine engine) throws Exception {
        fresh(engine);
        long bens = upload(BEN);
        refused("fields.document", "names no upload of yours", () -> review(ANNA, Map.of("document", String.valueOf(bens))));
        refused("fields.document", "names no upload of yours", () -> review(ANNA, Map.of("document", String.valueOf(bens + 1000))));
        refused("fields.document", "names no upload of yours", () -> review(ANNA, Map.of("document", "att-4711")));
        long annas = upload(ANNA);
        refused("fields.annex", "names no upload of yours",
                () -> review(ANNA, Map.of("document", String.valueOf(annas), "annex", String.valueOf(bens))));
        assertEquals(0, databases.count("ticket"));
        assertEquals(2, databases.count("ticket_attachment"), "both uploads still wait, neither attached");
        // a pending upload is no ticket's: not listed or downloaded through another ticket
        Ticket other = review(BEN, Map.of("document", String.valueOf(bens)));
        assertThrows(NotFoundException.class, () -> attachments.download(BEN, other.key(), annas));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUpdateAttachesANewUploadAndKeepsTheOneTheTicketHas(Engine engine) throws Exception {
        fresh(engine);
        long first = upload(ANNA);
        Ticket created = review(ANNA, Map.of("document", String.valueOf(first)));
        long second = upload(ANNA);
        Ticket updated = tickets.update(ANNA, created.key(), new TicketUpdate(created.version(), null, null, null, null, null,
                Map.of("document", String.valueOf(first), "annex", String.valueOf(second))));
        assertEquals(String.valueOf(second), updated.fields().get("annex"));
        assertEquals(2, attachments.list(ANNA, created.key()).size());
        long bens = upload(BEN);
        refused("fields.annex", "names no upload of yours", () -> tickets.update(ANNA, created.key(), new TicketUpdate(updated.version(),
                null, null, null, null, null, Map.of("annex", String.valueOf(bens)))));
        assertEquals(String.valueOf(second), tickets.get(ANNA, created.key()).fields().get("annex"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSweepDeletesOnlyOldUploadsNoTicketTook(Engine engine) throws Exception {
        fresh(engine);
        long attached = upload(ANNA);
        review(ANNA, Map.of("document", String.valueOf(attached)));
        long waiting = upload(ANNA);
        Instant dayLater = start.plus(Duration.ofHours(24)).plusSeconds(1);
        assertEquals(0, sweep(start), "none older than now");
        assertEquals(1, sweep(dayLater.minus(Duration.ofHours(24))));
        assertEquals(1, databases.count("ticket_attachment"), "the attached upload stays");
        assertEquals(0, sweep(dayLater));
        refused("fields.document", "names no upload of yours", () -> review(ANNA, Map.of("document", String.valueOf(waiting))));
    }
}
