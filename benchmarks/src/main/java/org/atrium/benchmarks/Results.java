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

    Duration coldStart;
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

    record Queue(long tickets, long added, double loadSeconds, Duration startup, long rssAfterStartKb,
            Benchmark.WarmUp warmUp, Load.Result byStatus, Load.Result byDepartment, Load.Result visible, String indexes) {
    }
}
