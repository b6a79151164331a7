package org.atrium.itests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
        Files.writeString(dir.resolve("etc/org.ops4j.datasource-atrium.cfg"), PostgresqlSwitch.dataSourceConfiguration(jdbcUrl, user),
                StandardCharsets.UTF_8);
    }

    /** Starts the process; {@link #awaitReady} waits for it. */
    void start() throws IOException {
        if (script != null && script.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        script = UnpackedDistribution.start(home);
    }

    /** Until the API answers: see {@link UnpackedDistribution#awaitApi}. */
    void awaitReady(HttpClient http) throws InterruptedException {
        UnpackedDistribution.awaitApi(script, home, api(), http, READY_TIMEOUT);
    }

    /** The Karaf JVM's pid (the process below the {@code bin/karaf} shell). */
    long pid() {
        return UnpackedDistribution.karafJvm(script).pid();
    }

    /** SIGKILL to every process of this node, by pid, then waits until they are gone. */
    void killMinus9() {
        if (script == null) {
            return;
        }
        UnpackedDistribution.killMinus9(script);
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
