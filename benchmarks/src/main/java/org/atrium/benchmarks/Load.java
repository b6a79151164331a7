package org.atrium.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code threads} workers, each doing one operation after the other, until
 * {@code count} operations are done or {@code maxTime} has passed (then the run is marked
 * incomplete). Every operation's latency is kept; nothing is sampled away.
 */
final class Load {
    private Load() {
    }

    /** One worker's operations; built once per thread (e.g. a JDBC connection each). */
    interface Worker extends AutoCloseable {
        /** Does operation number {@code index}; returns null when it succeeded, else what went wrong. */
        String run(int index) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface WorkerFactory {
        Worker create(int thread) throws Exception;
    }

    /** What a run measured. Latencies are sorted, in nanoseconds. */
    record Result(String name, int threads, int requested, int done, int errors, double seconds, long[] latencies,
            double serverCpu, double clientCpu, double machineBusy, long peakRssKb, String firstError) {

        double throughput() {
            return done / seconds;
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }

        boolean complete() {
            return done == requested && errors == 0;
        }

        /** Server CPU milliseconds per operation (NaN when no server was measured). */
        double serverCpuMsPerOp() {
            return serverCpu * 1000 / Math.max(1, done);
        }

        double clientCpuMsPerOp() {
            return clientCpu * 1000 / Math.max(1, done);
        }

        /** Share of the machine's CPU capacity that other processes used during the run (0..1). */
        double othersShare() {
            double ours = clientCpu + (Double.isNaN(serverCpu) ? 0 : serverCpu);
            return Math.max(0, machineBusy - ours) / (seconds * Machine.cores());
        }

        String line() {
            return String.format("%-34s %2d thr %6d/%-6d ok %3d err %7.1f /s  p50 %7.2f  p95 %7.2f  p99 %7.2f ms"
                    + "  srv %.2f cli %.2f ms cpu/op  rss %d MB  others %.0f%%%s",
                    name, threads, done, requested, errors, throughput(), percentile(50), percentile(95), percentile(99),
                    serverCpuMsPerOp(), clientCpuMsPerOp(), peakRssKb / 1024, othersShare() * 100, firstError == null ? "" : "  first error: " + firstError);
        }
    }

    static Result run(String name, int threads, int count, Duration maxTime, Karaf server, WorkerFactory factory)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        AtomicLong peakRss = new AtomicLong(-1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        double serverCpu0 = server == null ? Double.NaN : server.cpuSeconds();
        double clientCpu0 = Machine.ownCpuSeconds();
        double busy0 = Machine.machineBusySeconds();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        AtomicInteger running = new AtomicInteger(threads);
        if (server != null) {
            pool.submit(() -> {
                while (running.get() > 0) {
                    peakRss.accumulateAndGet(server.rssKb(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                try (Worker worker = factory.create(thread)) {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        long began = System.nanoTime();
                        String error;
                        try {
                            error = worker.run(i);
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        latencies[i] = System.nanoTime() - began;
                        if (error != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                } finally {
                    running.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        return new Result(name, threads, count, done.length, errors.get(), seconds, done,
                server == null ? Double.NaN : server.cpuSeconds() - serverCpu0,
                Machine.ownCpuSeconds() - clientCpu0, Machine.machineBusySeconds() - busy0, peakRss.get(), firstError.get());
    }
}
