package org.atrium.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes docs/benchmarks.md: machine, versions, every figure beside its target, then the hand-written notes. */
final class Report {
    static final String COMMAND = "mvn -B -Pbenchmarks -DskipTests install";

    private final StringBuilder md = new StringBuilder();

    private Report() {
    }

    static void write(Path file, Results r) throws IOException {
        Report report = new Report();
        report.render(r);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report.md.toString(), StandardCharsets.UTF_8);
    }

    private void render(Results r) throws IOException {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        Load.Result create1 = r.create1.median();
        Load.Result create8 = r.create8.median();
        Load.Result create32 = r.create32.median();
        Load.Result jdbc1 = r.jdbc1.median();
        Load.Result jdbc8 = r.jdbc8.median();

        line("# Atrium benchmarks");
        line();
        line("Measured by the `benchmarks` module against the real distribution. From the repository root,");
        line();
        line("```");
        line(COMMAND);
        line("```");
        line();
        line("builds everything the run needs (the test suite is skipped), unpacks");
        line("`distribution/target/atrium-distribution-*.tar.gz` into `benchmarks/target/run/`, starts it with");
        line("`bin/karaf run` on free local ports, measures, stops it and rewrites this file. Nothing but 127.0.0.1");
        line("is contacted; every phase has a fixed count and a time limit, and the run ends itself (and Karaf) after");
        line(Benchmark.WATCHDOG.toMinutes() + " minutes at the latest. The PostgreSQL part (last section) starts a private cluster with");
        line("Debian's binaries and two more unpacked distributions. The figures below come from the run of " + when.format(r.startedAt) + ", which took "
                + minutes(Duration.between(r.startedAt, r.finishedAt))
                + (r.scale != 1.0 ? " (counts scaled by " + r.scale + ": not a full run)" : "") + ".");
        line("Everything above \"Notes\" is generated from that run; do not edit the figures by hand.");
        line();

        line("## Machine");
        line();
        line("| | |");
        line("| --- | --- |");
        line("| CPU | " + Machine.cores() + " cores (" + Machine.cpuModel() + ") |");
        line("| memory | " + Machine.memory() + " |");
        line("| OS | " + Machine.os() + " |");
        line("| JDK | " + Machine.jdk() + "; the same JDK runs Karaf and the benchmark |");
        line("| load average (1, 5, 15 min) | " + r.loadBefore + " before the run, " + r.loadAfter + " after it |");
        line("| sharing | Karaf, the load generator and (for the baseline) JDBC share these cores; the \"other processes\" columns show what else ran |");
        line();

        line("## Versions");
        line();
        line("Atrium " + v("atrium") + " on Apache Karaf " + v("karaf") + " (Felix), Apache CXF " + v("cxf")
                + ", EclipseLink " + v("eclipselink") + ", Apache Derby " + v("derby") + " embedded (pax-jdbc " + v("paxjdbc")
                + ", dbcp2 pool), Jackson " + v("jackson") + ". Karaf runs as shipped: `bin/setenv` (heap `JAVA_MAX_MEM` "
                + r.heap + "), Derby with durable commits (no `derby.system.durability` setting, in Karaf or in the benchmark)"
                + (r.karafJavaOpts.isEmpty() ? "" : ", extra JVM options `" + r.karafJavaOpts + "`") + ".");
        line();

        line("## Figures against the targets");
        line();
        line("Targets from DESIGN.md, \"Performance targets\". Creation figures are the median of " + Benchmark.TRIALS
                + " runs (the spread is in the next section).");
        line();
        line("| figure | measured | target | |");
        line("| --- | --- | --- | --- |");
        target("Ticket creation over REST, 1 client", fmt(create1.throughput(), 0) + " tickets/s",
                "at least 300 tickets/s", create1.throughput() >= 300);
        target("Ticket creation over REST, 8 clients", fmt(create8.throughput(), 0) + " tickets/s",
                "at least 1,000 tickets/s", create8.throughput() >= 1000);
        target("Ticket creation over REST, 8 clients, p99", ms(create8.percentile(99)), "under 50 ms", create8.percentile(99) < 50);
        double ratio1 = jdbc1.throughput() / create1.throughput();
        double ratio8 = jdbc8.throughput() / create8.throughput();
        target("Plain JDBC / REST, 1 client", fmt(ratio1, 2) + "x (" + fmt(jdbc1.throughput(), 0) + " vs "
                + fmt(create1.throughput(), 0) + " tickets/s)", "within 3x", ratio1 <= 3);
        target("Plain JDBC / REST, 8 clients", fmt(ratio8, 2) + "x (" + fmt(jdbc8.throughput(), 0) + " vs "
                + fmt(create8.throughput(), 0) + " tickets/s)", "within 3x", ratio8 <= 3);
        for (Results.Queue q : r.queues) {
            double limit = q.tickets() == 10_000 ? 5 : q.tickets() == 1_000_000 ? 20 : Double.NaN;
            if (!Double.isNaN(limit)) {
                String size = String.format(Locale.ROOT, "%,d", q.tickets());
                queueTarget("Agent queue first page (it, new), p50, " + size + " tickets", q.byStatus(), limit);
                queueTarget("Agent queue first page (it, any status), p50, " + size + " tickets", q.byDepartment(), limit);
                queueTarget("Agent queue first page (no department: own and it, new), p50, " + size + " tickets", q.visible(), limit);
                queueTarget("Agent queue first page (it, SLA order), p50, " + size + " tickets", q.bySla(), limit);
            }
            if (q.tickets() == 100_000 && q.search() != null) {
                queueTarget("Text search (a word of every IT ticket), p50, 100,000 tickets", q.search(), 50);
            }
        }
        for (CalendarBenchmark.Figure figure : r.calendar) {
            if (figure.method().startsWith("due")) {
                target("Business-hours due time, one core (" + figure.method() + ")", fmt(figure.perSecond(), 0) + " per second",
                        "over 1,000,000 per second", figure.perSecond() > 1_000_000);
            }
        }
        target("Cold start to REST ready", secs(r.coldStart), "under 15 s", r.coldStart.toMillis() < 15_000);
        target("Resident memory, idle after start", mb(r.idleRssKb), "under 512 MB", r.idleRssKb < 512 * 1024);
        if (r.portal != null) {
            target("Portal, every file it can load, compressed", kb(r.portal.bytesOnWire()) + " (" + r.portal.files() + " files)",
                    "first load under 300 KB", r.portal.bytesOnWire() < 300 * 1024);
        }
        if (!r.portalRounds.isEmpty()) {
            long bytes = median(r.portalRounds.stream().mapToLong(PortalTiming.Round::firstLoadBytes).toArray());
            long first = median(r.portalRounds.stream().mapToLong(round -> Math.round(round.firstLoadMs())).toArray());
            target("Portal first load (empty cache) to the sign-in view, transferred, median of " + r.portalRounds.size(), kb(bytes),
                    "under 300 KB", bytes < 300 * 1024);
            target("Portal first load (empty cache) to the sign-in view, time, median of " + r.portalRounds.size(), first + " ms",
                    "interactive in under 1 s", first < 1000);
        }
        if (!r.deploys.isEmpty()) {
            long median = median(r.deploys.stream().mapToLong(PortalAndPlugins.Deploy::toCatalogMillis).toArray());
            target("Department bundle dropped into deploy/ to its types in the catalog, median of " + r.deploys.size(), median + " ms",
                    "within 1 s", median <= 1000);
        }
        line();
        line("Agent queue: `GET " + Benchmark.QUEUE_NEW + "`, `GET " + Benchmark.QUEUE_DEPARTMENT + "` and `GET "
                + Benchmark.QUEUE_VISIBLE + "` (what `ina` may see: her own tickets and those of her department) as `ina`");
        line("(agent-it), in queue order (priority, then age), and `GET " + Benchmark.QUEUE_SLA + "` in SLA order (bulk-loaded open");
        line("tickets carry a due time). The SLA sweep is measured by `SweepSpeedTest` in core (see Notes). A department bundle's types");
        line("reaching the catalog: `examples/legal` copied into `deploy/` (Karaf's fileinstall polls it every 200 ms, as shipped),");
        line("timed until `GET /catalog` as `anna` lists `" + Benchmark.EXAMPLE_TYPE + "`, then deleted and timed until it is gone"
                + (r.deploys.isEmpty() ? "" : " (each round, in ms: " + r.deploys + ")") + ".");
        if (r.portal != null) {
            line("Portal in headless Chromium (`PortalTiming`, Debian's chromium and chromedriver, a fresh profile each round):");
            line("from navigation to the view standing with its data, by the page's own clock (app.js marks `atrium-view`),");
            line("with the bytes the Resource Timing API counts as transferred. Each round (first load, signed out, to sign-in;");
            line("then signed in as anna, a reload to the catalog with a warm cache): " + r.portalRounds + ".");
            line("Portal: every file reachable from `/portal/` (page, styles, all modules including the lazy views and the chart");
            line("library, both languages), fetched with `Accept-Encoding: gzip`: " + kb(r.portal.bytesOnWire()) + " on the wire, "
                    + kb(r.portal.bytesUncompressed()) + " uncompressed, the largest " + r.portal.largest()
                    + ". A first load fetches a part of this, so the sum bounds it. Time to interactive is not measured here.");
        }
        line();

        line("## Business-hours calendars");
        line();
        line("`DueTimeBenchmark` with JMH (one fork, one thread, 3 warm-up and 5 measured iterations of 2 s), before Karaf starts:");
        line("the shipped Munich calendar (Mon-Fri 08:00-17:00 Europe/Berlin, Bavarian holidays, closing days 24 and 31 December)");
        line("and the same with a lunch break, from 4,096 random starts over 2026 and 2027. Alone:");
        line("`mvn -B -Pbenchmarks -DskipTests install -Dbench.main=org.atrium.benchmarks.CalendarBenchmark` (about a minute).");
        line();
        line("| method | per second | error (99.9%) |");
        line("| --- | --- | --- |");
        for (CalendarBenchmark.Figure figure : r.calendar) {
            line("| `" + figure.method() + "` | " + fmt(figure.perSecond(), 0) + " | " + fmt(figure.error(), 0) + " |");
        }
        line();

        line("## Ticket creation");
        line();
        line("`POST /api/v1/tickets` as `anna` with `{\"type\":\"it.incident\",\"summary\":\"...\",\"impact\":\"high\",\"urgency\":\"medium\",\"fields\":{\"affectedService\":\"vpn\"}}`.");
        line("Closed loop: each client sends its next request when the last one was answered, on its own HTTP/1.1");
        line("keep-alive connection, with Basic credentials on every request. The load generator is a minimal blocking");
        line("HTTP/1.1 client on `java.net.Socket` (`RawHttp`): `java.net.http.HttpClient` costs several times more CPU per");
        line("request, which on " + Machine.cores() + " shared cores is taken from the server (its rows are below for comparison).");
        line("Every request's latency counts (no sampling); every answer had to be 201 with an `IT-` key. CPU columns: CPU");
        line("time of the Karaf JVM and of the load generator JVM per ticket; \"other processes\": share of the machine's");
        line("CPU used by neither during the run (from /proc/stat).");
        line();
        loadHeader();
        loadRow("first requests after the cold start", r.firstCreates);
        loadRow("last warm-up round, not a figure", r.restWarmup.lastRound());
        trialRows(r.create1);
        trialRows(r.create8);
        trialRows(r.create32);
        loadRow("java.net.http.HttpClient instead of RawHttp", r.create1Jdk);
        loadRow("java.net.http.HttpClient instead of RawHttp", r.create8Jdk);
        line();
        line(warmUp(r.restWarmup, "tickets") + " Right after a start, before that, a client sees the first row.");
        line();

        line("## Persistence limit: the same inserts by plain JDBC");
        line();
        line("Karaf stopped (" + fmt(r.stopSeconds, 1) + " s), then the same database directory (`data/atrium/derby`, "
                + String.format(Locale.ROOT, "%,d", r.ticketsAfterRest) + " tickets by then) opened with Derby's embedded driver");
        line("in the benchmark JVM, with Derby's defaults (as in Karaf). Per transaction, every row a REST creation of the");
        line("benchmark's body inserts (counted in the database after a REST run): the key number from the prefix's sequence,");
        line("one `ticket` row, its `ticket_history` row, two `sla_clock` rows (first response, resolution) and their two");
        line("`scheduled_task` timers, the CREATED event's `outbox` row, the text's `ticket_search_term` rows (a row per term and");
        line("field) and `ticket_search_rank` rows (a row per term); autocommit off, `commit()` each. Not included: what the server");
        line("does after the commit (the outbox row's delivery and DELETE). Ids come from blocks taken from `atrium_id_sequence`");
        line("beforehand (EclipseLink takes blocks of 500 the same way). One connection per thread, prepared statements reused.");
        line();
        loadHeader();
        loadRow("last warm-up round, not a figure", r.jdbcWarmup.lastRound());
        trialRows(r.jdbc1);
        trialRows(r.jdbc8);
        line();
        line("For JDBC the load generator CPU column is Derby's own work, done in the benchmark JVM. " + warmUp(r.jdbcWarmup, "inserts"));
        line();

        line("## Agent queue");
        line();
        line("The database is emptied and Karaf started once to create the schema; then tickets are added by JDBC batch");
        line("inserts while Karaf is stopped (each with its `created` history row; departments it 50 %, facility 30 %,");
        line("hr 20 %; statuses new 10 %, in-progress 15 %, resolved 10 %, closed 65 %; impact and urgency uniform, so all");
        line("four priorities; 5,000 requesters; unique keys per prefix; `atrium_id_sequence` advanced past the ids used).");
        line("Karaf is started, the three queries are sent in turn until the JIT settles (at most 60 s), then each is");
        line("measured 200 times, one request at a time (at most " + Benchmark.QUEUE_LIMIT.toSeconds()
                + " s per query: a slower one is cut short and marked).");
        line();
        if (!r.queues.isEmpty()) {
            line("Indexes on `ticket` besides the primary key and the unique constraints, as the schema migrations left them: "
                    + r.queues.get(r.queues.size() - 1).indexes() + ".");
            line();
        }
        line("| tickets | query (as `ina`) | p50 | p95 | p99 | max | Karaf CPU per request | bulk load | start to ready | RSS after start |");
        line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Results.Queue q : r.queues) {
            queueRow(q, "`" + Benchmark.QUEUE_NEW + "`", q.byStatus(), true);
            queueRow(q, "`" + Benchmark.QUEUE_DEPARTMENT + "`", q.byDepartment(), false);
            queueRow(q, "`" + Benchmark.QUEUE_VISIBLE + "`", q.visible(), false);
            queueRow(q, "`" + Benchmark.QUEUE_SLA + "`", q.bySla(), false);
            if (q.search() != null) {
                queueRow(q, "`" + Benchmark.SEARCH_COMMON + "` (full-text search, docs/search.md)", q.search(), false);
            }
        }
        line();

        line("## Start and memory");
        line();
        line("| | |");
        line("| --- | --- |");
        line("| cold start: first `bin/karaf run` of the freshly unpacked distribution to the first 200 of `GET /api/v1/tickets?limit=1` | " + secs(r.coldStart) + " |");
        line("| restart with an empty database (schema created) | " + secs(r.restartEmpty) + " |");
        for (Results.Queue q : r.queues) {
            line("| restart with " + String.format(Locale.ROOT, "%,d", q.tickets()) + " tickets | " + secs(q.startup()) + " |");
        }
        line("| VmRSS of the Karaf JVM, idle, 10 s after the cold start | " + mb(r.idleRssKb) + " |");
        line("| VmRSS, highest while 8 clients create tickets | " + mb(create8.peakRssKb()) + " |");
        line("| VmRSS, highest while 32 clients create tickets | " + mb(create32.peakRssKb()) + " |");
        line("| VmRSS 5 s after the creation runs | " + mb(r.rssAfterLoadKb) + " |");
        line();

        if (r.postgresql != null) {
            postgresql(r.postgresql, create1, create8);
        }

        try (InputStream notes = Report.class.getResourceAsStream("notes.md")) {
            if (notes != null) {
                md.append(new String(notes.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private void postgresql(Results.Postgresql pg, Load.Result derby1, Load.Result derby8) {
        line("## On PostgreSQL: one node and two nodes");
        line();
        line("A private PostgreSQL " + pg.version + " cluster started by the run (Debian's binaries, data under /tmp, durable");
        line("commits: fsync and synchronous_commit on, as in production; `pg_stat_statements` loaded), on the same 2 cores as");
        line("the nodes and the load generator. Node A and node B are two more unpacked distributions switched to it as README");
        line("\"Run on PostgreSQL\" says (pool of 16). First node A alone, then A and B together: each client sends its requests");
        line("to A and B in turn, as a round-robin load balancer would. Database time per ticket: statement execution time of");
        line("the `atrium` database in `pg_stat_statements` during the run (lock waits included, commits' WAL flush not),");
        line("divided by the tickets created. Node A started in " + secs(pg.startA) + ", node B in " + secs(pg.startB)
                + " (the schema created by A).");
        line();
        Load.Result one1 = pg.oneNode1.median();
        Load.Result one8 = pg.oneNode8.median();
        Load.Result two1 = pg.twoNodes1.median();
        Load.Result two8 = pg.twoNodes8.median();
        Load.Result jdbc1 = pg.jdbc1.median();
        Load.Result jdbc8 = pg.jdbc8.median();
        line("| figure | Derby, one node (above) | PostgreSQL, one node | PostgreSQL, two nodes | plain JDBC on the same PostgreSQL |");
        line("| --- | ---: | ---: | ---: | ---: |");
        line("| ticket creation, 1 client | " + fmt(derby1.throughput(), 0) + " /s | " + fmt(one1.throughput(), 0) + " /s | "
                + fmt(two1.throughput(), 0) + " /s | " + fmt(jdbc1.throughput(), 0) + " /s |");
        line("| ticket creation, 8 clients | " + fmt(derby8.throughput(), 0) + " /s | " + fmt(one8.throughput(), 0) + " /s | "
                + fmt(two8.throughput(), 0) + " /s | " + fmt(jdbc8.throughput(), 0) + " /s |");
        line("| ticket creation, 8 clients, p99 | " + ms(derby8.percentile(99)) + " | " + ms(one8.percentile(99)) + " | "
                + ms(two8.percentile(99)) + " | " + ms(jdbc8.percentile(99)) + " |");
        line("| plain JDBC / REST, 1 client | | " + fmt(jdbc1.throughput() / one1.throughput(), 2) + "x | "
                + fmt(jdbc1.throughput() / two1.throughput(), 2) + "x | |");
        line("| plain JDBC / REST, 8 clients | | " + fmt(jdbc8.throughput() / one8.throughput(), 2) + "x | "
                + fmt(jdbc8.throughput() / two8.throughput(), 2) + "x | |");
        line("| database time per ticket, 1 client | | " + ms(pg.dbMs1) + " | " + ms(pg.dbMsTwo1) + " | |");
        line("| database time per ticket, 8 clients | | " + ms(pg.dbMs8) + " | " + ms(pg.dbMsTwo8) + " | |");
        line("| connections to the database after the 8-client runs | | " + pg.connectionsOneNode + " | " + pg.connectionsTwoNodes + " | |");
        line();
        loadHeader();
        loadRow("last warm-up round on node A, not a figure", pg.warmUp.lastRound());
        trialRows(pg.oneNode1);
        trialRows(pg.oneNode8);
        trialRows(pg.twoNodes1);
        trialRows(pg.twoNodes8);
        loadRow("plain JDBC, last warm-up round, not a figure", pg.jdbcWarmup.lastRound());
        trialRows(pg.jdbc1);
        trialRows(pg.jdbc8);
        line();
        line("Rows 2 and 3 are node A alone, rows 4 and 5 both nodes (Karaf CPU is not measured there: two JVMs; both nodes and");
        line("PostgreSQL count as \"other processes\" in those rows, as PostgreSQL does in every row of this table). Plain JDBC,");
        line("with both nodes stopped: per transaction what the server writes, with the ticket number taken from the");
        line("prefix's sequence in the same transaction as the server takes it (`nextval('ticket_key_it')`), then the");
        line("`ticket` and `ticket_history` inserts and a commit; one connection per thread. " + warmUp(pg.warmUp, "tickets"));
        line();
        line("Agent queue as `ina`, on " + String.format(Locale.ROOT, "%,d", pg.queueTickets) + " tickets (bulk-loaded by JDBC with");
        line("the spread of the Derby queue above, then `ANALYZE`; " + fmt(pg.queueLoadSeconds, 1) + " s). One node: one agent;");
        line("two nodes: two agents at once, one on each node.");
        line();
        line("| query | nodes | requests | p50 | p95 | p99 | max |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        pgQueueRow("`" + Benchmark.QUEUE_NEW + "`", "1", pg.queueOneNode);
        pgQueueRow("`" + Benchmark.QUEUE_DEPARTMENT + "`", "1", pg.queueOneNodeDepartment);
        pgQueueRow("`" + Benchmark.QUEUE_SLA + "`", "1", pg.queueOneNodeSla);
        pgQueueRow("`" + Benchmark.QUEUE_NEW + "`", "2", pg.queueTwoNodes);
        pgQueueRow("`" + Benchmark.QUEUE_DEPARTMENT + "`", "2", pg.queueTwoNodesDepartment);
        line();
    }

    private void pgQueueRow(String query, String nodes, Load.Result r) {
        String failed = r.errors() > 0 ? " (" + r.errors() + " failed: " + r.firstError().replace('|', '/').replace('\n', ' ') + ")" : "";
        line("| " + query + failed + " | " + nodes + " | " + r.done() + " | " + ms(r.percentile(50)) + " | " + ms(r.percentile(95))
                + " | " + ms(r.percentile(99)) + " | " + ms(r.percentile(100)) + " |");
    }

    private static String warmUp(Benchmark.WarmUp w, String what) {
        return "Warm-up: " + w.rounds() + " rounds, " + String.format(Locale.ROOT, "%,d", w.operations()) + " " + what + " in "
                + fmt(w.seconds(), 0) + " s, until the JIT compiler threads used under 5 % of a core during a round ("
                + (w.settled() ? "reached" : "not reached within the warm-up's time or count limit") + "; they used " + fmt(w.jitSeconds(), 0)
                + " s of CPU meanwhile).";
    }

    private void queueTarget(String figure, Load.Result r, double limit) {
        target(figure, ms(r.percentile(50)) + (r.errors() > 0 ? ", " + r.errors() + " failed" : ""),
                "under " + fmt(limit, 0) + " ms", r.errors() == 0 && r.percentile(50) < limit);
    }

    private void target(String figure, String measured, String target, boolean met) {
        line("| " + figure + " | " + measured + " | " + target + " | " + (met ? "met" : "**missed**") + " |");
    }

    private void loadHeader() {
        line("| run | clients | operations | per second | p50 | p95 | p99 | Karaf CPU per op | load generator CPU per op | other processes |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    }

    private void trialRows(Benchmark.Trials trials) {
        Load.Result median = trials.median();
        String spread = trials.runs().stream().map(run -> fmt(run.throughput(), 0)).collect(Collectors.joining(", "));
        loadRow("**median of " + trials.runs().size() + "** (runs: " + spread + " /s)", median);
    }

    private void loadRow(String label, Load.Result r) {
        line("| " + label + (r.complete() ? "" : " (incomplete: time limit)") + " | " + r.threads() + " | "
                + String.format(Locale.ROOT, "%,d", r.done()) + " | " + fmt(r.throughput(), 0) + " | "
                + ms(r.percentile(50)) + " | " + ms(r.percentile(95)) + " | " + ms(r.percentile(99)) + " | "
                + (Double.isNaN(r.serverCpu()) ? "" : ms(r.serverCpuMsPerOp())) + " | " + ms(r.clientCpuMsPerOp()) + " | "
                + fmt(r.othersShare() * 100, 0) + " % |");
    }

    private void queueRow(Results.Queue q, String query, Load.Result r, boolean first) {
        if (r.errors() > 0) {
            query += " (" + r.errors() + " of " + r.done() + " requests failed: "
                    + r.firstError().replace('|', '/').replace('\n', ' ') + ")";
        }
        if (r.done() < r.requested()) {
            query += " (only " + r.done() + " requests within " + Benchmark.QUEUE_LIMIT.toSeconds() + " s)";
        }
        line("| " + (first ? String.format(Locale.ROOT, "%,d", q.tickets()) : "") + " | " + query + " | "
                + ms(r.percentile(50)) + " | " + ms(r.percentile(95)) + " | " + ms(r.percentile(99)) + " | " + ms(r.percentile(100))
                + " | " + ms(r.serverCpuMsPerOp()) + " | "
                + (first ? fmt(q.loadSeconds(), 1) + " s (" + String.format(Locale.ROOT, "%,d", q.added()) + " added)" : "") + " | "
                + (first ? secs(q.startup()) : "") + " | " + (first ? mb(q.rssAfterStartKb()) : "") + " |");
    }

    private static String v(String name) {
        return System.getProperty("version." + name, "?");
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "";
        }
        return fmt(millis, millis < 10 ? 2 : 1) + " ms";
    }

    private static String secs(Duration duration) {
        return fmt(duration.toMillis() / 1000.0, 1) + " s";
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String mb(long kb) {
        return fmt(kb / 1024.0, 0) + " MB";
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}
