package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TicketConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 25;

    private TestDatabases databases;
    private TicketServiceImpl service;

    @BeforeEach
    void open() throws SQLException {
        databases = TestDatabases.open("concurrency");
        service = new TicketServiceImpl(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentCreationYieldsUniqueGaplessKeys() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                Caller caller = Caller.of("user" + t);
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        keys.add(service.create(caller, TicketServiceImplTest.incident("ticket " + i)).key());
                    }
                    return keys;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                List<String> keys = result.get(50, TimeUnit.SECONDS);
                assertEquals(PER_THREAD, keys.size());
                List<String> sorted = new ArrayList<>(keys);
                sorted.sort((a, b) -> Long.compare(number(a), number(b)));
                assertEquals(sorted, keys, "each thread gets increasing numbers");
                all.addAll(keys);
            }
            Set<String> expected = IntStream.rangeClosed(1, THREADS * PER_THREAD).mapToObj(n -> "IT-" + n).collect(Collectors.toSet());
            assertEquals(THREADS * PER_THREAD, all.size());
            assertEquals(expected, new HashSet<>(all));
        } finally {
            pool.shutdownNow();
        }

        assertEquals(THREADS * PER_THREAD, databases.count("ticket"));
        assertEquals(THREADS * PER_THREAD, databases.count("ticket_history"));
        TicketPage page = service.list(Caller.of("agent", "agent-it"), new TicketQuery("it", null, null, null, TicketQuery.MAX_LIMIT, null));
        assertEquals(THREADS * PER_THREAD, page.items().size());
        assertEquals(THREADS * PER_THREAD, page.items().stream().map(Ticket::key).distinct().count());
        Set<String> requesters = new HashSet<>();
        page.items().forEach(ticket -> requesters.add(ticket.requester()));
        assertEquals(THREADS, requesters.size());
        assertEquals(Collections.nCopies(1, null), Collections.singletonList(page.nextCursor()));
    }

    /**
     * Eight clients creating tickets with SLA clocks at once on a fresh database: every creation
     * commits. With the generators' rows locked until the commit (ids taken in the creation's own
     * transaction) two creations deadlocked on Derby once keys no longer made them wait for each other.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentCreationWithClocksNeverDeadlocks() throws Exception {
        TicketServiceImpl withClocks = TicketCreationCostTest.withClocks(databases); // two clocks on the 24x7 calendar
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                Caller caller = Caller.of("user" + t);
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 4 * PER_THREAD; i++) {
                        withClocks.create(caller, TicketServiceImplTest.incident("ticket " + i));
                    }
                    return 4 * PER_THREAD;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(4 * PER_THREAD, result.get(110, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(THREADS * 4 * PER_THREAD, databases.count("ticket"));
        assertEquals(2 * THREADS * 4 * PER_THREAD, databases.count("sla_clock"), "two clocks per ticket");
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.indexOf('-') + 1));
    }
}
