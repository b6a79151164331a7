package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.extension.Extensions;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * notInPast through the ticket engine: it applies to the dates a request sets, so a ticket whose
 * dates have passed since stays updatable, while a new date in the past is refused.
 */
class TicketDateRulesTest {
    private static final Caller ANNA = Caller.of("anna");
    private static final String TRIP = """
            {
              "key": "it.trip",
              "department": "it",
              "category": "task",
              "keyPrefix": "TR",
              "schemaVersion": 1,
              "names": {"de": "Reise", "en": "Trip"},
              "fields": [
                {"name": "period", "type": "date-range", "required": true, "notInPast": true, "maxDays": 14,
                 "labels": {"de": "Zeitraum", "en": "Period"}},
                {"name": "note", "type": "text", "labels": {"de": "Notiz", "en": "Note"}}
              ]
            }
            """;

    private static TestDatabases databases;
    private static RequestTypeRegistry catalog;
    private MovableClock clock;
    private TicketServiceImpl service;

    /** A clock the test moves; at noon UTC, so that the date is the same in nearly every server zone. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }
    }

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("daterules");
        catalog = TestCatalogs.catalog(TRIP);
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        clock = new MovableClock(new AtomicReference<>(Instant.parse("2026-03-02T12:00:00Z")), ZoneOffset.UTC);
        service = new TicketServiceImpl(databases.database(), catalog, new Extensions(), clock);
    }

    private static Map<String, Object> period(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    private Ticket trip(String from, String to) {
        return service.create(ANNA, new NewTicket("it.trip", "Trip", null, null, null, Map.of("period", period(from, to))));
    }

    private static TicketUpdate patch(Ticket ticket, Map<String, Object> fields) {
        return new TicketUpdate(ticket.version(), null, null, null, null, null, fields);
    }

    private static List<FieldError> refused(Runnable request) {
        return assertThrows(ValidationException.class, request::run).errors();
    }

    @Test
    void aNewTicketMayNotStartInThePast() {
        trip("2026-03-02", "2026-03-03");
        List<FieldError> errors = refused(() -> trip("2026-03-01", "2026-03-03"));
        assertEquals("fields.period", errors.get(0).field());
        assertTrue(errors.get(0).reason().contains("today is 2026-03-02"), errors.get(0).reason());
        assertEquals("fields.period", refused(() -> trip("2026-03-02", "2026-03-16")).get(0).field(), "15 days, 14 allowed");
    }

    @Test
    void aTicketWhoseDatesHavePassedStaysUpdatable() {
        Ticket created = trip("2026-03-05", "2026-03-06");
        clock.advance(Duration.ofDays(30));
        Ticket noted = service.update(ANNA, created.key(), patch(created, Map.of("note", "Receipts attached")));
        assertEquals("Receipts attached", noted.fields().get("note"));
        Ticket resent = service.update(ANNA, created.key(), patch(noted, Map.of("period", period("2026-03-05", "2026-03-06"))));
        assertEquals(noted.fields().get("period"), resent.fields().get("period"), "the same dates sent again are not new");
        List<FieldError> errors = refused(() -> service.update(ANNA, created.key(),
                patch(resent, Map.of("period", period("2026-03-05", "2026-03-07")))));
        assertEquals("fields.period", errors.get(0).field());
        assertTrue(errors.get(0).reason().contains("today is 2026-04-01"), errors.get(0).reason());
    }
}
