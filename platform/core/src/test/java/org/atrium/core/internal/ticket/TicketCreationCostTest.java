package org.atrium.core.internal.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.dbcp2.BasicDataSource;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.PostgresCluster;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What ticket creation costs through the ticket service (key allocation included), with one
 * client and with 8 threads: on Derby on disk with durable commits, as the distribution ships it,
 * and on the test PostgreSQL cluster (no fsync there). A measurement, not a test: it prints
 * figures and asserts nothing. Run it with
 * {@code mvn -o -pl platform/core test -Dtest=TicketCreationCostTest -Datrium.measure=true}.
 */
@EnabledIfSystemProperty(named = "atrium.measure", matches = "true")
class TicketCreationCostTest {
    private static final int WARM_UP = 300;
    private static final int SINGLE = 1000;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 250;

    @Test
    void derbyOnDisk() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "cost-derby");
        BasicDataSource ds = new BasicDataSource(); // pooled as in Karaf (dbcp2, 16 connections)
        ds.setDriverClassName("org.apache.derby.jdbc.EmbeddedDriver");
        ds.setUrl("jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true");
        ds.setMaxTotal(16);
        ds.setMaxIdle(16);
        measure("Derby on disk", TestDatabases.on(ds, Engine.DERBY));
    }

    @Test
    void postgresql() throws Exception {
        measure("PostgreSQL (fsync off)", TestDatabases.on(PostgresCluster.get().newDatabase("cost"), Engine.POSTGRESQL));
    }

    private static void measure(String engine, TestDatabases databases) throws Exception {
        TicketServiceImpl service = Boolean.getBoolean("atrium.sla") ? withClocks(databases)
                : new TicketServiceImpl(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT), Clock.systemUTC());
        engine = engine + (Boolean.getBoolean("atrium.sla") ? ", with SLA clocks (first response and resolution, 24x7)" : "");
        Caller anna = Caller.of("anna");
        for (int i = 0; i < WARM_UP; i++) {
            service.create(anna, TicketServiceImplTest.incident("warm-up " + i));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        for (int i = 0; i < SINGLE; i++) {
            service.create(anna, TicketServiceImplTest.incident("single " + i));
        }
        double single = SINGLE / seconds(start);
        // this JVM's CPU per ticket (embedded Derby included, a PostgreSQL server not): the cost without the neighbours' load
        double cpuPerTicket = (os.getProcessCpuTime() - cpuStart) / 1e6 / SINGLE;

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Caller caller = Caller.of("user" + t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    service.create(caller, TicketServiceImplTest.incident("parallel " + i));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double parallel = THREADS * PER_THREAD / seconds(start);
        pool.shutdown();
        System.out.printf("%s: 1 client %.0f tickets/s (%.2f ms each, %.2f ms CPU of this JVM each), %d threads %.0f tickets/s;"
                + " load average %.1f%n", engine, single, 1000 / single, cpuPerTicket, THREADS, parallel, os.getSystemLoadAverage());
        databases.emf().close(); // the databases stay: under target/ and in the test cluster
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * With -Datrium.sla=true: it.incident with SlaClocksTest's policy (two clocks) on the built-in 24x7
     * calendar, so that every creation folds, stores and times its clocks as in the container.
     */
    static TicketServiceImpl withClocks(TestDatabases databases) {
        org.atrium.api.sla.SlaPolicy declared = SlaClocksTest.withSla().all().get(0).sla();
        org.atrium.api.sla.SlaPolicy roundTheClock = new org.atrium.api.sla.SlaPolicy("24x7", java.util.Map.of(), declared.warnPercent(),
                declared.clocks());
        org.atrium.api.catalog.RequestType b = SlaClocksTest.withSla().all().get(0);
        org.atrium.api.catalog.RequestType type = new org.atrium.api.catalog.RequestType(b.key(), b.department(), b.category(), b.keyPrefix(),
                b.names(), b.help(), b.fields(), b.schemaVersion(), b.confidential(), b.validators(), b.calculators(), b.workflow(),
                b.resolutionCodes(), b.bundle(), b.audience(), b.routing(), b.approvals(), b.children(), roundTheClock);
        org.atrium.api.catalog.RequestTypeRegistry registry = new org.atrium.api.catalog.RequestTypeRegistry() {
            public List<org.atrium.api.catalog.RequestType> all() {
                return List.of(type);
            }

            public java.util.Optional<org.atrium.api.catalog.RequestType> find(String key) {
                return type.key().equals(key) ? java.util.Optional.of(type) : java.util.Optional.empty();
            }

            public List<org.atrium.api.catalog.RefusedDescriptor> refused() {
                return List.of();
            }
        };
        return new TicketServiceImpl(databases.database(), registry, new org.atrium.core.internal.extension.Extensions(), Clock.systemUTC(),
                null, new org.atrium.core.internal.directory.DirectoryService(new org.atrium.core.internal.directory.DatabaseDirectoryProvider(
                        databases.database())), new org.atrium.core.internal.group.AssignmentGroupsService(), false);
    }
}
