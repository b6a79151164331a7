package org.atrium.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The distribution this build made, unpacked into a folder of a test's own, on free ports, for tests
 * that start it as a process with {@code bin/karaf run} (a crash, two nodes, a restart) rather than
 * through Pax Exam; and what such tests do with that process: wait for its API, stop it gracefully
 * or kill it, always by pid.
 */
final class UnpackedDistribution {
    private UnpackedDistribution() {
    }

    /** Unpacks into {@code dir} (emptied first); returns the HTTP port it will listen on. */
    static int unpack(Path dir) throws IOException, InterruptedException {
        String version = System.getProperty("atrium.version");
        String archiveName = "atrium-distribution-" + version + ".tar.gz";
        Path built = Path.of(System.getProperty("basedir", "."), "..", "distribution", "target", archiveName);
        Path installed = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"),
                "org", "atrium", "atrium-distribution", version, archiveName);
        Path archive = Files.isRegularFile(built) ? built : installed;
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No distribution at " + built + " or " + installed);
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString(), "--strip-components=1")
                .inheritIO().start();
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IllegalStateException("Could not unpack " + archive);
        }
        int port = freePort();
        setProperty(dir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(port));
        setProperty(dir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(freePort()));
        setProperty(dir.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(freePort()));
        setProperty(dir.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(freePort()));
        return port;
    }

    /**
     * Starts {@code bin/karaf run} in {@code home}, its console in {@code console.log}; should the test
     * JVM end first (e.g. failsafe's timeout), the Karaf below the script goes with it.
     */
    static Process start(Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("EXTRA_JAVA_OPTS");
        Process started = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        return started;
    }

    /**
     * Waits until GET /health (no credentials) and then GET /tickets (as anna) answer 200: the schema
     * is migrated, the database answers and the ticket resource is registered (resources register
     * one by one at boot, so healthy alone is not yet "the API answers").
     */
    static void awaitApi(Process script, Path home, String api, HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String anna = "Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            if (!script.isAlive()) {
                throw new AssertionError("Karaf exited early; see " + home.resolve("console.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> tickets = health.statusCode() != 200 ? health : http.send(HttpRequest.newBuilder(
                        URI.create(api + "/tickets?limit=1")).header("Authorization", anna)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (tickets.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The API did not answer within " + timeout + "; see " + home.resolve("console.log"));
    }

    /** The Karaf JVM's pid: the Java process below the {@code bin/karaf} shell. */
    static ProcessHandle karafJvm(Process script) {
        return script.toHandle().descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("No Java process below " + script.pid()));
    }

    /**
     * Stops Karaf as an operator's service manager does: SIGTERM to the Karaf JVM (by pid), whose
     * shutdown hook stops the framework and its bundles in order; then waits until the JVM and the
     * shell above it have ended.
     */
    static void stopGracefully(Process script, Duration timeout) {
        ProcessHandle jvm = karafJvm(script);
        if (!jvm.destroy()) {
            throw new AssertionError("Could not send SIGTERM to " + jvm.pid());
        }
        awaitExit(List.of(jvm, script.toHandle()), timeout);
    }

    /**
     * SIGKILL to the Karaf JVM and to everything else below the {@code bin/karaf run} shell, then the
     * shell (ProcessHandle's destroyForcibly is SIGKILL on Linux); waits until they are gone.
     */
    static void killMinus9(Process script) {
        List<ProcessHandle> all = new ArrayList<>();
        script.toHandle().descendants().forEach(all::add);
        all.add(script.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, Duration.ofSeconds(30));
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new AssertionError("Process " + process.pid() + " did not end within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for process " + process.pid() + " to end", e);
            }
        }
    }

    /** Sets {@code key = value} in a Karaf .cfg file, replacing the line if there is one. */
    static void setProperty(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String entry = key + " = " + value;
        text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(entry)) : text + "\n" + entry + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
