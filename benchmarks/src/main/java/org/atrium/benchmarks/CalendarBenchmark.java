package org.atrium.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DueTimeBenchmark} with JMH on one thread (the design's target is per core): one fork,
 * 3 warm-up and 5 measured iterations of 2 s each per method. Part of the whole benchmark run; alone with
 * {@code -Dbench.main=org.atrium.benchmarks.CalendarBenchmark}.
 */
public final class CalendarBenchmark {
    /** One method's throughput: operations per second and JMH's 99.9% error margin. */
    record Figure(String method, double perSecond, double error) {
    }

    private CalendarBenchmark() {
    }

    static List<Figure> run() throws Exception {
        Options options = new OptionsBuilder()
                .include(DueTimeBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xms256m", "-Xmx256m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            figures.add(new Figure(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()));
        }
        return figures;
    }

    public static void main(String[] args) throws Exception {
        for (Figure figure : run()) {
            System.out.printf("%-24s %,14.0f ops/s  +- %,.0f%n", figure.method(), figure.perSecond(), figure.error());
        }
    }
}
