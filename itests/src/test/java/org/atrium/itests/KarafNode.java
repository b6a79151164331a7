package org.atrium.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Atrium node as a process: the distribution this build made, unpacked into its own folder,
 * on free local ports, switched to a PostgreSQL database exactly as README "Run on PostgreSQL"
 * says, started with {@code bin/karaf run}. Stopped with SIGKILL by pid (the JVM and the shell
 * above it), also when the test JVM ends first.
 */
final class KarafNode {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Path home;
    private final int port;
    private Process script;

    private KarafNode(String name, Path home, int port) {
        this.name = name;
        this.home = home;
        this.port = port;
    }

    /** Unpacks a fresh node into {@code dir} and points it at the PostgreSQL database {@code jdbcUrl}. */
    static KarafNode unpack(String name, Path dir, String jdbcUrl, String user) throws IOException, InterruptedException {
        int port = UnpackedDistribution.unpack(dir);
        switchToPostgresql(dir, jdbcUrl, user);
        // the auto-close timer every second on every node: the test checks that each ticket still closes once
        Files.writeString(dir.resolve("etc/org.atrium.workflow.cfg"), "autoCloseSweepSeconds = 1\n", StandardCharsets.UTF_8);
        return new KarafNode(name, dir, port);
    }

    /** README "Run on PostgreSQL", steps 2 and 3. */
    private static void switchToPostgresql(Path dir, String jdbcUrl, String user) throws IOException {
        Path features = dir.resolve("etc/org.apache.karaf.features.cfg");
        String boot = Files.readString(features, StandardCharsets.UTF_8);
        if (!boot.contains("atrium-db-derby")) {
            throw new IllegalStateException(features + " boots no atrium-db-derby: the documented switch no longer applies");
        }
        Files.writeString(features, boot.replace("atrium-db-derby", "atrium-db-postgresql"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("etc/org.ops4j.datasource-atrium.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "url = " + jdbcUrl,
                "user = " + user,
                "password = unused",
                "stringtype = unspecified",
                "dataSourceName = atrium",
                "pool = dbcp2",
                "xa = false",
                "jdbc.pool.maxTotal = 16",
                "jdbc.pool.maxIdle = 16",
                "jdbc.pool.minIdle = 2",
                ""), StandardCharsets.UTF_8);
    }

    /** Starts the process; {@link #awaitReady} waits for it. */
    void start() throws IOException {
        if (script != null && script.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        script = UnpackedDistribution.start(home);
    }

    /** Until GET /health (no credentials) answers 200: the schema is migrated and the database answers. */
    void awaitReady(HttpClient http) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!script.isAlive()) {
                throw new AssertionError(name + " exited early; see " + home.resolve("console.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                // resources register one by one at boot (issue 10): healthy is not yet "the ticket resource answers"
                HttpResponse<String> tickets = health.statusCode() != 200 ? health : http.send(HttpRequest.newBuilder(
                        URI.create(api() + "/tickets?limit=1")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (tickets.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not become healthy within " + READY_TIMEOUT + "; see " + home.resolve("console.log"));
    }

    /** The Karaf JVM's pid (the process below the {@code bin/karaf} shell). */
    long pid() {
        return script.toHandle().descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " has no Java process")).pid();
    }

    /** SIGKILL to every process of this node, by pid, then waits until they are gone. */
    void killMinus9() {
        if (script == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        script.toHandle().descendants().forEach(all::add);
        all.add(script.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new AssertionError("Process " + process.pid() + " of " + name + " did not die", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while " + name + " was being killed", e);
            }
        }
        script = null;
    }

    String api() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + " (" + api() + ")";
    }



}
