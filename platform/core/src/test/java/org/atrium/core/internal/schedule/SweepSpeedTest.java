package org.atrium.core.internal.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.dbcp2.BasicDataSource;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.PostgresCluster;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The SLA sweep at scale (DESIGN: 1,000,000 open clocks of which 100 are due, under 50 ms): one
 * {@code runDue(100)} of the durable scheduler with {@code atrium.sweepTimers} (1,000,000) timers
 * waiting and 100 due, on Derby on disk (durable commits, as shipped) and on the test PostgreSQL
 * cluster. Every running clock has exactly one timer (SlaClocks), so this is the sweep over a million
 * open clocks; the handler here does nothing, so the figure is the scheduler's own: finding,
 * locking and deleting the 100 (the SLA handler's folding of a ticket costs what a change costs,
 * see TicketCreationCostTest). A measurement, not a test: it prints figures and asserts nothing.
 * {@code mvn -o -pl platform/core test -Dtest=SweepSpeedTest -Datrium.measure=true}.
 */
@EnabledIfSystemProperty(named = "atrium.measure", matches = "true")
class SweepSpeedTest {
    private static final int WAITING = Integer.getInteger("atrium.sweepTimers", 1_000_000);
    private static final int DUE = 100;
    private static final int RUNS = Integer.getInteger("atrium.sweepRuns", 21); // many: the median must outlast the neighbours' builds
    private static final String KIND = "sla.check";
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void derbyOnDisk() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "sweep-derby");
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName("org.apache.derby.jdbc.EmbeddedDriver");
        ds.setUrl("jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true");
        ds.setMaxTotal(16);
        measure("Derby on disk", TestDatabases.on(ds, Engine.DERBY));
    }

    @Test
    void postgresql() throws Exception {
        measure("PostgreSQL (fsync off)", TestDatabases.on(PostgresCluster.get().newDatabase("sweep"), Engine.POSTGRESQL));
    }

    private static void measure(String engine, TestDatabases databases) throws Exception {
        long began = System.nanoTime();
        insert(databases, 1, WAITING, i -> NOW.plus(Duration.ofMinutes(1 + i % 525_600))); // spread over the coming year
        double loadSeconds = (System.nanoTime() - began) / 1e9;
        try (Connection c = databases.dataSource().getConnection(); var statement = c.createStatement()) {
            // steady state, as on a server whose timers were written over days: statistics fresh, the load checkpointed
            if (c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
                statement.execute("ANALYZE scheduled_task");
                statement.execute("CHECKPOINT");
            } else {
                statement.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
            }
        }
        Scheduler scheduler = new Scheduler(databases.database(), Clock.fixed(NOW, ZoneOffset.UTC));
        int[] fired = new int[1];
        scheduler.handle(KIND, (em, refId, dueAt) -> fired[0]++);
        List<Double> millis = new ArrayList<>();
        List<Double> readMillis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nextId = WAITING + 1L;
        for (int run = 0; run < RUNS; run++) {
            insert(databases, nextId, DUE, i -> NOW.minusSeconds(DUE - i));
            nextId += DUE;
            fired[0] = 0;
            readMillis.add(readDue(databases));
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            int taken = scheduler.runDue(DUE);
            millis.add((System.nanoTime() - start) / 1e6);
            // embedded Derby works in this thread: its CPU time is the run's cost without the neighbours' load (not the disk's waits)
            cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            if (taken != DUE || fired[0] != DUE) {
                throw new AssertionError("run " + run + " fired " + taken + "/" + fired[0] + " of " + DUE);
            }
        }
        List<Double> warm = new ArrayList<>(millis.subList(1, RUNS)); // the first run compiles the queries
        Collections.sort(warm);
        List<Double> reads = new ArrayList<>(readMillis.subList(1, RUNS));
        Collections.sort(reads);
        List<Double> cpu = new ArrayList<>(cpuMillis.subList(1, RUNS));
        Collections.sort(cpu);
        System.out.println("Plan of the due read: " + plan(databases));
        System.out.printf("%nSLA sweep, %s: runDue(%d) with %,d timers waiting and %d due (loaded in %.0f s): first run %.1f ms,"
                + " then median %.1f ms, max %.1f ms over %d runs (of which the read of the due ids alone, by JDBC: median %.2f ms;"
                + " CPU time of the calling thread: median %.1f ms); %,d timers left; load average %.1f%n", engine, DUE, WAITING, DUE,
                loadSeconds, millis.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1), warm.size(), reads.get(reads.size() / 2),
                cpu.get(cpu.size() / 2), databases.count("scheduled_task"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The scheduler's own query for the due ids, alone: what the index costs, without the 100 transactions that fire. */
    private static double readDue(TestDatabases databases) throws Exception {
        try (Connection c = databases.dataSource().getConnection(); PreparedStatement query = c.prepareStatement(Scheduler.dueSql(1, DUE))) {
            query.setTimestamp(1, Timestamp.from(NOW));
            query.setString(2, KIND);
            long start = System.nanoTime();
            int rows = 0;
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            double took = (System.nanoTime() - start) / 1e6;
            if (rows != DUE) {
                throw new AssertionError(rows + " due ids read, not " + DUE);
            }
            return took;
        }
    }

    /** Which access path the database takes for the due read (PostgreSQL's EXPLAIN, Derby's runtime statistics), first lines. */
    private static String plan(TestDatabases databases) throws Exception {
        try (Connection c = databases.dataSource().getConnection(); var statement = c.createStatement()) {
            boolean postgresql = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
            if (!postgresql) {
                statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }
            try (PreparedStatement query = c.prepareStatement((postgresql ? "EXPLAIN " : "") + Scheduler.dueSql(1, DUE))) {
                query.setTimestamp(1, Timestamp.from(NOW));
                query.setString(2, KIND);
                StringBuilder plan = new StringBuilder();
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (postgresql) {
                            plan.append(rows.getString(1)).append(" / ");
                        }
                    }
                }
                if (!postgresql) {
                    try (var rows = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                        rows.next();
                        String text = rows.getString(1);
                        plan.append(text.lines().filter(line -> line.contains("Scan ResultSet") || line.contains("Number of rows")
                                || line.contains("Sort")).map(String::strip).limit(8).collect(java.util.stream.Collectors.joining(" / ")));
                    }
                }
                return plan.toString();
            }
        }
    }

    private static void insert(TestDatabases databases, long firstId, int count, java.util.function.IntFunction<Instant> due) throws Exception {
        try (Connection c = databases.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO scheduled_task (id, kind, ref_id, due_at, created_at, attempts)"
                     + " VALUES (?, ?, ?, ?, ?, 0)")) {
            c.setAutoCommit(false);
            Timestamp created = Timestamp.from(NOW.minus(Duration.ofDays(1)));
            for (int i = 0; i < count; i++) {
                insert.setLong(1, firstId + i);
                insert.setString(2, KIND);
                insert.setLong(3, firstId + i);
                insert.setTimestamp(4, Timestamp.from(due.apply(i)));
                insert.setTimestamp(5, created);
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }
}
