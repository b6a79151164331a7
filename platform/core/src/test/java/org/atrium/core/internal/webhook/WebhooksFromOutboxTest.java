package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketService;
import org.atrium.core.internal.SettableClock;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.outbox.Outbox;
import org.atrium.core.internal.outbox.OutboxDelivery;
import org.atrium.core.internal.outbox.OutboxReceiver;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;
import org.atrium.core.internal.ticket.TestTickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Webhook deliveries written by the outbox's delivery, on both databases: none lost at a crash, none written twice. */
class WebhooksFromOutboxTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Caller ANNA = Caller.of("anna");
    private static final OutboxReceiver EVENT_ADMIN = (topic, payload) -> { };
    private TestDatabases databases;
    private WebhookReceiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    private static long subscribe(Database db, String url, String events, String department) {
        return db.inTransaction(em -> {
            WebhookEntity hook = new WebhookEntity(null, "whsec_test", "admin", T0);
            hook.setUrl(url);
            hook.setEvents(events);
            hook.setDepartment(department);
            em.persist(hook);
            em.flush();
            return hook.getId();
        });
    }

    /** A ticket whose own events went out before any subscription existed (the service here feeds no webhooks). */
    private static Ticket ticket(Database db, SettableClock clock) {
        TicketService tickets = TestTickets.service(db, TestCatalogs.catalog(TestCatalogs.IT_INCIDENT), clock);
        return tickets.create(ANNA, new NewTicket("it.incident", "VPN down", "since this morning", "high", "high",
                Map.of("affectedService", "vpn")));
    }

    /** The event a change of the ticket commits to the outbox (as TicketEvents writes it); the node dies before delivering it. */
    private static long eventLeftInTheOutbox(Database db, SettableClock clock, String topic, Ticket ticket) {
        Map<String, Object> event = new HashMap<>();
        event.put("key", ticket.key());
        event.put("type", ticket.type());
        event.put("department", ticket.department());
        event.put("status", ticket.status());
        event.put("priority", ticket.priority().name());
        event.put("confidential", ticket.confidential());
        event.put("actor", "anna");
        db.inTransaction(em -> {
            new Outbox(clock).add(em, Outbox.EVENT, topic, event);
            return null;
        });
        return db.read(em -> em.createQuery("SELECT MAX(o.id) FROM OutboxEntity o", Long.class).getSingleResult());
    }

    private static List<WebhookDeliveryEntity> deliveries(Database db) {
        return db.read(em -> em.createQuery("SELECT d FROM WebhookDeliveryEntity d ORDER BY d.webhookId", WebhookDeliveryEntity.class)
                .getResultList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOutboxEntryDeliveredTwiceGivesOneDeliveryPerSubscription(Engine engine) throws Exception {
        databases = TestDatabases.open("webhookfeed", engine);
        Database db = databases.database();
        SettableClock clock = new SettableClock(T0);
        Ticket ticket = ticket(db, clock);
        long all = subscribe(db, "http://127.0.0.1:9/all", "ticket.commented", null);
        long it = subscribe(db, "http://127.0.0.1:9/it", "ticket.commented,ticket.created", "it");
        subscribe(db, "http://127.0.0.1:9/hr", "ticket.commented", "hr");
        long entry = eventLeftInTheOutbox(db, clock, "atrium/ticket/COMMENTED", ticket);
        WebhookFeed feed = new WebhookFeed(db, clock);

        // the deliveries commit, then the node dies before the entry is removed (here: the next receiver fails)
        OutboxReceiver dying = (topic, payload) -> {
            throw new IllegalStateException("the node dies before the outbox entry is removed");
        };
        assertEquals(1, new OutboxDelivery(db, Map.of(Outbox.EVENT, feed.before(dying)), clock).deliverDue(10));
        assertEquals(1, databases.count("outbox"), "the entry stays to be delivered again");
        assertEquals(2, deliveries(db).size(), "one per subscription that takes IT's comments");

        clock.advance(Duration.ofHours(1));
        OutboxDelivery restarted = new OutboxDelivery(db, Map.of(Outbox.EVENT, feed.before(EVENT_ADMIN)), clock);
        assertEquals(1, restarted.deliverDue(10));
        assertEquals(0, databases.count("outbox"));
        assertEquals(0, feed.handle(entry, "atrium/ticket/COMMENTED", Map.of("key", ticket.key())), "and once more: nothing new");

        List<WebhookDeliveryEntity> rows = deliveries(db);
        assertEquals(List.of(all, it), rows.stream().map(WebhookDeliveryEntity::getWebhookId).toList());
        assertTrue(rows.stream().allMatch(row -> row.getOutboxEntryId() == entry && "ticket.commented".equals(row.getEventType())));
        assertEquals(1, rows.stream().map(WebhookDeliveryEntity::getEventId).distinct().count(), "one event id for the event");
        // the database refuses a second row even if a writer skipped the check
        assertThrows(RuntimeException.class, () -> db.inTransaction(em -> {
            em.persist(new WebhookDeliveryEntity(all, entry, "x", "ticket.commented", ticket.key(), "{}", T0));
            em.flush();
            return null;
        }));
        assertEquals(2, databases.count("webhook_delivery"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEventNotYetDeliveredAtACrashIsDeliveredAfterTheStart(Engine engine) throws Exception {
        databases = TestDatabases.open("webhookfeed", engine);
        Database db = databases.database();
        SettableClock clock = new SettableClock(T0);
        receiver = WebhookReceiver.accepting();
        subscribe(db, receiver.url(), "ticket.status", "it");
        Ticket ticket = ticket(db, clock);
        eventLeftInTheOutbox(db, clock, "atrium/ticket/TRANSITIONED", ticket);
        assertEquals(0, databases.count("webhook_delivery"), "before the crash nothing reached webhooks");

        // the node starts anew: its outbox relay delivers what is due, its webhook worker sends what is due
        clock.advance(Duration.ofSeconds(1));
        WebhookFeed feed = new WebhookFeed(db, clock);
        assertEquals(1, new OutboxDelivery(db, Map.of(Outbox.EVENT, feed.before(EVENT_ADMIN)), clock).deliverDue(10));
        WebhookDispatcher dispatcher = new WebhookDispatcher(db, new WebhookSender(clock), WebhookSettings.defaults(), clock);
        assertEquals(1, dispatcher.sendDue(10));

        List<Map<String, String>> received = receiver.received();
        assertEquals(1, received.size());
        assertEquals("ticket.status", received.get(0).get("event"));
        Map<String, Object> body = Json.readMap(received.get(0).get("body"));
        assertEquals(ticket.key(), ((Map<?, ?>) body.get("ticket")).get("key"));
        assertEquals(String.valueOf(deliveries(db).get(0).getId()), received.get(0).get("delivery"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theTicketEngineFeedsWebhooksFromItsOutbox(Engine engine) throws Exception {
        databases = TestDatabases.open("webhookfeed", engine);
        Database db = databases.database();
        SettableClock clock = new SettableClock(T0);
        long hook = subscribe(db, "http://127.0.0.1:9/it", "ticket.created", "it");
        TicketService tickets = TestTickets.withWebhooks(db, TestCatalogs.catalog(TestCatalogs.IT_INCIDENT), clock, new WebhookFeed(db, clock));
        Ticket created = tickets.create(ANNA, new NewTicket("it.incident", "Printer jam", "third floor", "low", "low",
                Map.of("affectedService", "erp")));
        List<WebhookDeliveryEntity> rows = deliveries(db);
        assertEquals(1, rows.size());
        assertEquals(hook, rows.get(0).getWebhookId());
        assertEquals(created.key(), rows.get(0).getTicketKey());
        assertEquals(0, databases.count("outbox"));
    }
}
