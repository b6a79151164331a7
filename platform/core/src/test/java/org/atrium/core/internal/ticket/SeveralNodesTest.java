package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atrium.api.ConflictException;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.persistence.TicketEntity;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two nodes on one database, as far as the core can tell: two EntityManagerFactories (shared
 * cache NONE, as persistence.xml says) and two ticket services, each with its own in-memory state.
 * Runs on Derby and on the test run's PostgreSQL.
 */
class SeveralNodesTest {
    private static final Caller ANNA = Caller.of("anna");
    private static final Caller INA = Caller.of("ina", "agent-it");

    private static TicketServiceImpl node(Database db, RequestTypeRegistry catalog) {
        return new TicketServiceImpl(db, catalog, Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentCreationOnTwoNodesGivesUniqueKeys(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("keys", engine)) {
            RequestTypeRegistry catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT);
            List<TicketServiceImpl> nodes = List.of(node(databases.database(), catalog), node(databases.secondNode(), catalog));
            int threadsPerNode = 4;
            int perThread = 20;
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
            CyclicBarrier together = new CyclicBarrier(2 * threadsPerNode);
            List<Future<List<String>>> results = new ArrayList<>();
            try {
                for (TicketServiceImpl node : nodes) {
                    for (int t = 0; t < threadsPerNode; t++) {
                        results.add(pool.submit(() -> {
                            together.await();
                            List<String> keys = new ArrayList<>();
                            for (int i = 0; i < perThread; i++) {
                                keys.add(node.create(ANNA, TicketServiceImplTest.incident("ticket " + i)).key());
                            }
                            return keys;
                        }));
                    }
                }
                Set<String> all = new HashSet<>();
                for (Future<List<String>> result : results) {
                    for (String key : result.get()) {
                        assertTrue(all.add(key), "handed out twice: " + key);
                    }
                }
                int total = 2 * threadsPerNode * perThread;
                assertEquals(total, all.size());
                assertEquals(total, databases.count("ticket"));
                if (engine == Engine.POSTGRESQL) { // nextval loses no number without a rollback
                    for (int n = 1; n <= total; n++) {
                        assertTrue(all.contains("IT-" + n), "no gap without a rollback: IT-" + n);
                    }
                } // Derby: a preallocation that met another node's catalog lock at the first use may skip numbers (KeySequences)
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rolledBackCreationLeavesAGapNeverADuplicate(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("gap", engine)) {
            TicketServiceImpl node = node(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT));
            assertEquals("IT-1", node.create(ANNA, TicketServiceImplTest.incident("first")).key());
            // a creation that fails after it took its number: a sequence does not take it back, the key is skipped
            TicketKeyAllocator keys = new TicketKeyAllocator(databases.database());
            assertThrows(IllegalStateException.class, () -> databases.database().inTransaction(em -> {
                assertEquals(2, keys.next(em, "IT"));
                throw new IllegalStateException("insert failed");
            }));
            assertEquals("IT-3", node.create(ANNA, TicketServiceImplTest.incident("second")).key());
            assertEquals(1, databases.count("ticket WHERE key_number = 3"));
            assertEquals(0, databases.count("ticket WHERE key_number = 2"), "a gap, never a duplicate");
        }
    }

    /**
     * A prefix first used at runtime (a department deployed later) on several nodes at once: each
     * node creates the sequence it misses, one of them wins, the others' "already exists" is no
     * error, and the keys stay unique and continue after the tickets stored before.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void nodesCreatingAPrefixSequenceAtOnceCreateItOnce(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("sequences", engine)) {
            int nodes = 6;
            List<Database> dbs = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                dbs.add(n == 0 ? databases.database() : databases.secondNode());
            }
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            CyclicBarrier together = new CyclicBarrier(nodes);
            List<Future<Long>> results = new ArrayList<>();
            try {
                for (Database db : dbs) {
                    TicketKeyAllocator keys = new TicketKeyAllocator(db);
                    results.add(pool.submit(() -> {
                        together.await();
                        return db.inTransaction(em -> keys.next(em, "NEW7"));
                    }));
                }
                Set<Long> numbers = new HashSet<>();
                for (Future<Long> result : results) {
                    assertTrue(numbers.add(result.get()), "handed out twice: " + numbers);
                }
                assertEquals(nodes, numbers.size());
                if (engine != Engine.DERBY) {
                    // Derby's sequence preallocation may skip a block when the first uses meet (documented gaps)
                    assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), numbers);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void nodesStoringTheSameTypeVersionAtOnceStoreItOnce(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("versions", engine)) {
            RequestTypeRegistry catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT);
            int nodes = 6;
            List<Database> dbs = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                dbs.add(n == 0 ? databases.database() : databases.secondNode());
            }
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            CyclicBarrier together = new CyclicBarrier(nodes);
            List<Future<?>> results = new ArrayList<>();
            try {
                for (Database db : dbs) {
                    PinnedTypes pinned = new PinnedTypes(db, catalog, Clock.systemUTC());
                    results.add(pool.submit(() -> {
                        together.await();
                        pinned.remember(catalog.find("it.incident").orElseThrow());
                        return null;
                    }));
                }
                for (Future<?> result : results) {
                    result.get(); // a duplicate key from another node is no error
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, databases.count("request_type_version"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void staleUpdateOnNodeBAfterAChangeOnNodeAIsAConflict(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("optimistic", engine)) {
            RequestTypeRegistry catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT);
            TicketServiceImpl a = node(databases.database(), catalog);
            TicketServiceImpl b = node(databases.secondNode(), catalog);
            Ticket created = a.create(ANNA, TicketServiceImplTest.incident("VPN drops"));
            assertEquals(created.version(), b.get(INA, created.key()).version(), "B reads what A wrote");

            Ticket changed = a.update(INA, created.key(), new TicketUpdate(created.version(), "VPN drops hourly", null, null, null, null, null));
            assertEquals("VPN drops hourly", b.get(INA, created.key()).summary(), "B sees A's change at once: no shared cache");

            ConflictException stale = assertThrows(ConflictException.class, () -> b.update(INA, created.key(),
                    new TicketUpdate(created.version(), "Mine", null, null, null, null, null)));
            assertEquals(changed.version(), stale.currentVersion());
            assertEquals("VPN drops hourly", a.get(INA, created.key()).summary());
        }
    }

    /** B read the row before A committed: B's commit is refused by the version column, not by a check in Java. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void interleavedWritesOnTwoNodesConflictAtCommit(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("interleaved", engine)) {
            TicketServiceImpl a = node(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT));
            Database nodeB = databases.secondNode();
            Ticket created = a.create(ANNA, TicketServiceImplTest.incident("Printer"));
            assertThrows(ConflictException.class, () -> nodeB.inTransaction(em -> {
                TicketEntity mine = em.createQuery("SELECT t FROM TicketEntity t WHERE t.key = :key", TicketEntity.class)
                        .setParameter("key", created.key()).getSingleResult();
                a.update(INA, created.key(), new TicketUpdate(created.version(), "Theirs", null, null, null, null, null));
                mine.setSummary("Mine");
                return null;
            }));
            assertEquals("Theirs", a.get(INA, created.key()).summary());
        }
    }

    /** On PostgreSQL form values are jsonb: EclipseLink writes them, the database can query into them. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void formValuesRoundTrip(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("forms", engine)) {
            TicketServiceImpl node = node(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT));
            Ticket created = node.create(ANNA, new org.atrium.api.ticket.NewTicket("it.incident", "VPN", null, null, null,
                    Map.of("affectedService", "vpn", "users", 12, "onsite", true)));
            Ticket updated = node.update(INA, created.key(), new TicketUpdate(created.version(), null, null, null, null, null,
                    Map.of("details", "since the update")));
            assertEquals(Map.of("affectedService", "vpn", "users", 12, "onsite", true, "details", "since the update"),
                    node.get(INA, created.key()).fields());
            assertEquals(created.version() + 1, updated.version(), "one change, one version");
            if (engine == Engine.POSTGRESQL) {
                try (Connection c = databases.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT fields_json->>'affectedService', (fields_json->>'users')::int,"
                             + " jsonb_typeof(fields_json) FROM ticket")) {
                    assertTrue(r.next());
                    assertEquals("vpn", r.getString(1));
                    assertEquals(12, r.getInt(2));
                    assertEquals("object", r.getString(3));
                }
            }
        }
    }
}
