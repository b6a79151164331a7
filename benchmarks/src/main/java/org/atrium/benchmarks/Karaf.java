package org.atrium.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One unpacked Atrium distribution, started as {@code bin/karaf run} in a child process on free
 * local ports. {@code bin/karaf run} keeps a shell as parent of the JVM, so every signal goes to
 * the Karaf JVM itself (found among the shell's descendants) and then to the shell.
 */
final class Karaf implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process script;
    private ProcessHandle jvm;
    private int starts;

    private Karaf(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Deletes {@code dir}, unpacks the tar.gz into it and moves every port off the defaults. */
    static Karaf unpack(Path tarGz, Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(tarGz)) {
            throw new IllegalStateException("No distribution at " + tarGz + ": build it with mvn install first");
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "-xzf", tarGz.toString(), "-C", dir.toString(), "--strip-components=1")
                .inheritIO().start();
        if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            tar.destroyForcibly();
            throw new IllegalStateException("Could not unpack " + tarGz);
        }
        int http = freePort();
        Karaf karaf = new Karaf(dir.toAbsolutePath(), http);
        karaf.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http));
        karaf.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort()));
        karaf.setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        karaf.setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        return karaf;
    }

    Path home() {
        return home;
    }

    Path database() {
        return home.resolve("data/atrium/derby");
    }

    int httpPort() {
        return httpPort;
    }

    String api() {
        return "http://127.0.0.1:" + httpPort + "/api/v1";
    }

    /** Replaces (or appends) {@code key = value} in a Karaf .cfg file. */
    void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String entry = key + " = " + value;
        text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(entry)) : text + "\n" + entry + "\n";
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /**
     * Launches {@code bin/karaf run} and waits until {@code GET /tickets?limit=1} as anna answers 200.
     * Returns the time from launching the process to that first 200.
     */
    Duration start(String extraJavaOpts, Duration timeout) throws IOException, InterruptedException {
        if (script != null && script.isAlive()) {
            throw new IllegalStateException("Karaf is already running");
        }
        starts++;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run").directory(home.toFile());
        Path console = home.resolve("console-" + starts + ".log");
        builder.redirectErrorStream(true).redirectOutput(console.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.remove("JAVA_OPTS");
        if (extraJavaOpts != null && !extraJavaOpts.isBlank()) {
            env.put("EXTRA_JAVA_OPTS", extraJavaOpts);
        } else {
            env.remove("EXTRA_JAVA_OPTS");
        }
        long launched = System.nanoTime();
        script = builder.start();
        jvm = null;
        long deadline = launched + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!script.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + script.exitValue() + " before the API was up; see " + console);
            }
            if (ready()) {
                Duration took = Duration.ofNanos(System.nanoTime() - launched);
                jvm = findJvm().orElseThrow(() -> new IllegalStateException("No Karaf JVM below " + script.pid()));
                return took;
            }
            Thread.sleep(25);
        }
        kill();
        String listening = Files.readAllLines(console).stream().filter(l -> l.contains("Atrium REST API listening on"))
                .reduce((first, second) -> second).map(l -> " (the log says: " + l.substring(l.indexOf("Atrium REST")) + ")").orElse("");
        throw new IllegalStateException("The API did not answer at " + api() + " within " + timeout + listening + "; see " + console);
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api() + "/tickets?limit=1"))
                    .header("Authorization", basic("anna")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<ProcessHandle> findJvm() {
        return script.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java")).orElse(false))
                .findFirst()
                .or(() -> Optional.of(script.toHandle()));
    }

    long pid() {
        return jvm.pid();
    }

    /** VmRSS of the Karaf JVM in KiB, from /proc/&lt;pid&gt;/status. */
    long rssKb() {
        return procStatus("VmRSS");
    }

    long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + jvm.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds (user + system) the Karaf JVM has used so far, from /proc/&lt;pid&gt;/stat. */
    double cpuSeconds() {
        return Machine.processCpuSeconds(jvm.pid());
    }

    /** CPU seconds the Karaf JVM's JIT compiler threads (C1, C2) have used so far. */
    double jitCpuSeconds() {
        double total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + jvm.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    total += Machine.processCpuSeconds(Long.parseLong(task.getFileName().toString()), task.resolve("stat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return total;
    }

    /** Stops Karaf the way an operator would (SIGTERM to the JVM: the framework stops, Derby shuts down). */
    void stop() throws InterruptedException {
        if (script == null) {
            return;
        }
        if (jvm != null && jvm.isAlive()) {
            jvm.destroy();
            if (!exited(jvm, 60)) {
                jvm.destroyForcibly();
                exited(jvm, 30);
            }
        }
        endScript();
    }

    /** SIGKILL: no shutdown hook, no Derby shutdown, nothing flushed that was not already on disk. */
    void kill() throws InterruptedException {
        if (script == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        if (jvm != null) {
            all.add(jvm);
        }
        script.toHandle().descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            exited(handle, 30);
        }
        endScript();
    }

    private static boolean exited(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void endScript() throws InterruptedException {
        if (!script.waitFor(20, TimeUnit.SECONDS)) {
            script.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            script.waitFor(20, TimeUnit.SECONDS);
        }
        script = null;
        jvm = null;
    }

    boolean running() {
        return script != null && script.isAlive();
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String basic(String user) {
        // demo cast: the password is the user name
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree (a stopped database) to {@code target}, which must not exist yet. */
    static void copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (java.util.stream.Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Files.copy(path, target.resolve(source.relativize(path).toString()));
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
