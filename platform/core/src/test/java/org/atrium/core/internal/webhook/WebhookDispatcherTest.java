package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atrium.core.internal.SettableClock;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.persistence.WebhookAttemptEntity;
import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deliveries on both databases against a real HTTP receiver: signed, retried with backoff, logged, claimed once across nodes. */
class WebhookDispatcherTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SECRET = "whsec_test";
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

    private static long subscribe(Database db, String url) {
        return db.inTransaction(em -> {
            WebhookEntity hook = new WebhookEntity("it", SECRET, "admin", T0);
            hook.setUrl(url);
            hook.setEvents("ticket.created");
            em.persist(hook);
            em.flush();
            return hook.getId();
        });
    }

    private static void enqueue(Database db, long hook, int count) {
        db.inTransaction(em -> {
            for (int i = 0; i < count; i++) {
                em.persist(new WebhookDeliveryEntity(hook, "e-" + i, "ticket.created", "IT-" + i, "{\"id\":\"e-" + i + "\"}", T0));
            }
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failsTwiceThenDeliversWithAVerifiableSignature(Engine engine) throws Exception {
        databases = TestDatabases.open("webhooks", engine);
        Database db = databases.database();
        SettableClock clock = new SettableClock(T0);
        WebhookDispatcher dispatcher = new WebhookDispatcher(db, new WebhookSender(clock), new WebhookSettings(Duration.ofSeconds(10), 8, 10),
                clock);
        receiver = WebhookReceiver.failingFirst(2);
        long hook = subscribe(db, receiver.url());
        enqueue(db, hook, 1);

        assertEquals(1, dispatcher.sendDue(100));
        assertEquals(0, dispatcher.sendDue(100), "the retry waits 10 s");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, dispatcher.sendDue(100));
        clock.advance(Duration.ofSeconds(19));
        assertEquals(0, dispatcher.sendDue(100), "the second retry waits 20 s");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, dispatcher.sendDue(100));
        clock.advance(Duration.ofHours(2));
        assertEquals(0, dispatcher.sendDue(100), "delivered: never sent again");

        List<Map<String, String>> received = receiver.received();
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(r -> r.get("delivery")).distinct().count(), "one delivery id for every attempt");
        for (Map<String, String> request : received) {
            assertEquals(WebhookSignature.sign(SECRET, Long.parseLong(request.get("timestamp")), request.get("body")), request.get("signature"));
            assertEquals("ticket.created", request.get("event"));
        }
        List<WebhookAttemptEntity> log = db.read(em -> em.createQuery("SELECT a FROM WebhookAttemptEntity a ORDER BY a.id",
                WebhookAttemptEntity.class).getResultList());
        assertEquals(List.of(500, 500, 204), log.stream().map(WebhookAttemptEntity::getHttpStatus).toList());
        assertEquals(List.of(1, 2, 3), log.stream().map(WebhookAttemptEntity::getAttempt).toList());
        assertEquals(List.of("failed", "failed", "delivered"), log.stream().map(WebhookAttemptEntity::getOutcome).toList());
        WebhookEntity after = db.read(em -> em.find(WebhookEntity.class, hook));
        assertEquals(0, after.getConsecutiveFailures());
        assertTrue(after.isEnabled());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDisabledSubscriptionsDeliveriesWait(Engine engine) throws Exception {
        databases = TestDatabases.open("webhooks", engine);
        Database db = databases.database();
        SettableClock clock = new SettableClock(T0);
        WebhookDispatcher dispatcher = new WebhookDispatcher(db, new WebhookSender(clock), new WebhookSettings(Duration.ofSeconds(1), 8, 2),
                clock);
        receiver = WebhookReceiver.failingFirst(100);
        long hook = subscribe(db, receiver.url());
        enqueue(db, hook, 3);
        assertEquals(3, dispatcher.sendDue(100));
        assertFalse(db.read(em -> em.find(WebhookEntity.class, hook)).isEnabled(), "two consecutive failures disable it");
        clock.advance(Duration.ofHours(1));
        assertEquals(0, dispatcher.sendDue(100), "nothing is sent while it is disabled");
        assertEquals(3, receiver.received().size());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "POSTGRESQL")
    void twoNodesSendEachDeliveryOnce(Engine engine) throws Exception {
        databases = TestDatabases.open("webhooks", engine);
        Database db = databases.database();
        SettableClock clock = new SettableClock(T0);
        receiver = WebhookReceiver.accepting();
        long hook = subscribe(db, receiver.url());
        enqueue(db, hook, 40);
        WebhookSettings settings = WebhookSettings.defaults();
        List<WebhookDispatcher> nodes = List.of(new WebhookDispatcher(db, new WebhookSender(clock), settings, clock),
                new WebhookDispatcher(databases.secondNode(), new WebhookSender(clock), settings, clock));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new java.util.ArrayList<>();
            for (WebhookDispatcher node : nodes) {
                runs.add(pool.submit(() -> {
                    int sent = 0;
                    for (int i = 0; i < 10; i++) {
                        sent += Math.min(node.sendDue(WebhookDispatcher.CLAIM), WebhookDispatcher.CLAIM);
                    }
                    return sent;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Integer> perDelivery = new ConcurrentHashMap<>();
        receiver.received().forEach(r -> perDelivery.merge(r.get("delivery"), 1, Integer::sum));
        assertEquals(40, perDelivery.size());
        assertTrue(perDelivery.values().stream().allMatch(n -> n == 1), perDelivery.toString());
        assertEquals(40, databases.count("webhook_attempt"));
    }
}
