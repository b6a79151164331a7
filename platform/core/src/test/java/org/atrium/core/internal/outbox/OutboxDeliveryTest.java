package org.atrium.core.internal.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox on both databases: written with the transaction, delivered once, retried with backoff, claimed once across nodes. */
class OutboxDeliveryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private TestDatabases databases;

    @AfterEach
    void close() {
        if (databases != null) {
            databases.close();
        }
    }

    private Database open(Engine engine) throws Exception {
        databases = TestDatabases.open("outbox", engine);
        return databases.database();
    }

    private static void write(Database db, int count, String name) {
        Outbox outbox = new Outbox(Clock.fixed(T0, ZoneOffset.UTC));
        db.inTransaction(em -> {
            for (int i = 0; i < count; i++) {
                outbox.add(em, Outbox.EVENT, name, Map.of("n", i));
            }
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void entriesOfARolledBackTransactionAreNeverDelivered(Engine engine) throws Exception {
        Database db = open(engine);
        Outbox outbox = new Outbox(Clock.fixed(T0, ZoneOffset.UTC));
        assertThrows(IllegalStateException.class, () -> db.inTransaction(em -> {
            outbox.add(em, Outbox.EVENT, "atrium/ticket/CREATED", Map.of("key", "IT-1"));
            throw new IllegalStateException("the change fails after its event was written");
        }));
        assertEquals(0, databases.count("outbox"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void whatACrashLeftBehindIsDeliveredOnceInOrder(Engine engine) throws Exception {
        Database db = open(engine);
        write(db, 3, "atrium/ticket/CREATED"); // committed; the node died before delivering
        List<Object> seen = new ArrayList<>();
        OutboxDelivery restarted = new OutboxDelivery(db, Map.of(Outbox.EVENT, (topic, payload) -> seen.add(payload.get("n"))),
                Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
        assertEquals(3, restarted.deliverDue(10));
        assertEquals(List.of(0, 1, 2), seen);
        assertEquals(0, restarted.deliverDue(10), "delivered entries are gone");
        assertEquals(0, databases.count("outbox"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingReceiverIsRetriedWithGrowingPausesThenGivenUp(Engine engine) throws Exception {
        Database db = open(engine);
        write(db, 1, "it.notify");
        AtomicInteger calls = new AtomicInteger();
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        OutboxDelivery delivery = new OutboxDelivery(db, Map.of(Outbox.EVENT, (name, payload) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("mail server down");
        }), clock);
        assertEquals(1, delivery.deliverDue(10));
        assertEquals(1, calls.get());
        now[0] = T0.plusSeconds(9);
        assertEquals(0, delivery.deliverDue(10), "not due before the first pause of 10 s");
        now[0] = T0.plusSeconds(10);
        assertEquals(1, delivery.deliverDue(10));
        assertEquals(2, calls.get());
        for (int attempt = 3; attempt <= OutboxDelivery.MAX_ATTEMPTS; attempt++) {
            now[0] = now[0].plus(OutboxDelivery.backoff(attempt - 1));
            delivery.deliverDue(10);
        }
        assertEquals(OutboxDelivery.MAX_ATTEMPTS, calls.get());
        assertEquals(0, databases.count("outbox"), "given up after the last attempt");
        assertEquals(Duration.ofSeconds(3600), OutboxDelivery.backoff(30), "pauses stop growing at an hour");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "POSTGRESQL")
    void twoNodesDeliveringAtOnceHandEachEntryOutOnce(Engine engine) throws Exception {
        Database first = open(engine);
        Database second = databases.secondNode();
        write(first, 400, "atrium/ticket/CREATED");
        Set<Object> delivered = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger deliveries = new AtomicInteger();
        OutboxReceiver receiver = (topic, payload) -> {
            deliveries.incrementAndGet();
            delivered.add(payload.get("n"));
            try {
                Thread.sleep(1); // a receiver that takes a moment, so that the nodes overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Clock later = Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC);
        List<OutboxDelivery> nodes = List.of(new OutboxDelivery(first, Map.of(Outbox.EVENT, receiver), later),
                new OutboxDelivery(second, Map.of(Outbox.EVENT, receiver), later));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxDelivery node : nodes) {
                Callable<Integer> drain = () -> {
                    int total = 0;
                    int taken;
                    while ((taken = node.deliverDue(25)) > 0) {
                        total += taken;
                    }
                    return total;
                };
                runs.add(pool.submit(drain));
            }
            int first1 = runs.get(0).get();
            int second1 = runs.get(1).get();
            assertEquals(400, first1 + second1);
            assertTrue(first1 > 0 && second1 > 0, "both nodes delivered: " + first1 + " and " + second1);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, deliveries.get(), "no entry was delivered twice");
        assertEquals(400, delivered.size());
        assertEquals(0, databases.count("outbox"));
    }
}
