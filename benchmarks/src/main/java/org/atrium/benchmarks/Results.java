package org.atrium.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything one run measured, for the report. */
final class Results {
    Instant startedAt;
    Instant finishedAt;
    String loadBefore;
    String loadAfter;
    double scale;
    String karafJavaOpts;
    String heap;

    /** Business-hours due times and spans per second on one thread (CalendarBenchmark). */
    List<CalendarBenchmark.Figure> calendar = List.of();

    Duration coldStart;
    /** The portal's files as sent compressed, and a bundle's types reaching the catalog (PortalAndPlugins); null when not measured. */
    PortalAndPlugins.PortalSize portal;
    List<PortalAndPlugins.Deploy> deploys = List.of();
    /** The portal in headless Chromium (PortalTiming); empty when Chromium is not installed. */
    List<PortalTiming.Round> portalRounds = List.of();
    Duration restartEmpty;
    long idleRssKb;
    long rssAfterLoadKb;
    double stopSeconds;
    long ticketsAfterRest;

    Load.Result firstCreates;
    Benchmark.WarmUp restWarmup;
    Benchmark.Trials create1;
    Benchmark.Trials create8;
    Benchmark.Trials create32;
    Load.Result create1Jdk;
    Load.Result create8Jdk;

    Benchmark.WarmUp jdbcWarmup;
    Benchmark.Trials jdbc1;
    Benchmark.Trials jdbc8;

    final List<Queue> queues = new ArrayList<>();

    /** The PostgreSQL part; null when the run skipped it (bench.postgresql=false). */
    Postgresql postgresql;

    /** Ticket creation and the agent queue on one PostgreSQL, with one node and with two. */
    static final class Postgresql {
        String version;
        Duration startA;
        Duration startB;
        Benchmark.WarmUp warmUp;
        Benchmark.Trials oneNode1;
        Benchmark.Trials oneNode8;
        Benchmark.Trials twoNodes1;
        Benchmark.Trials twoNodes8;
        /** Statement execution time per ticket (pg_stat_statements), per run above in the same order. */
        double dbMs1;
        double dbMs8;
        double dbMsTwo1;
        double dbMsTwo8;
        String connectionsOneNode;
        String connectionsTwoNodes;
        Benchmark.WarmUp jdbcWarmup;
        Benchmark.Trials jdbc1;
        Benchmark.Trials jdbc8;
        long queueTickets;
        double queueLoadSeconds;
        Load.Result queueOneNode;
        Load.Result queueOneNodeDepartment;
        Load.Result queueOneNodeSla;
        Load.Result queueTwoNodes;
        Load.Result queueTwoNodesDepartment;
    }

    record Queue(long tickets, long added, double loadSeconds, Duration startup, long rssAfterStartKb,
            Benchmark.WarmUp warmUp, Load.Result byStatus, Load.Result byDepartment, Load.Result visible, Load.Result bySla, String indexes,
            Load.Result search) {
    }
}
