package org.atrium.browser.harness;

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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.rules.ExternalResource;

/**
 * The distribution this build made, as a user runs it: unpacked into target/, on free ports (never
 * 8181/8101), started with {@code bin/karaf run}, ready once {@code /api/v1/health} and an
 * authenticated read answer 200; stopped by pid (SIGTERM to the Karaf JVM, SIGKILL if it lingers),
 * also when the test JVM ends first. The same approach as itests' UnpackedDistribution.
 * {@code -Datrium.browser.server=http://127.0.0.1:PORT} uses a distribution already running there instead.
 */
public final class AtriumDistribution extends ExternalResource {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private final Path home;
    private final List<Tweak> tweaks = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process script;
    private int port;

    /** A change to the unpacked distribution's files before it starts (e.g. an SLA override). */
    @FunctionalInterface
    public interface Tweak {
        void apply(Path home) throws IOException;
    }

    public AtriumDistribution(Path home) {
        this.home = home;
        String running = System.getProperty("atrium.browser.server");
        if (running != null) {
            port = Integer.parseInt(running.replaceAll(".*:(\\d+)/?$", "$1"));
        }
    }

    public AtriumDistribution with(Tweak tweak) {
        tweaks.add(tweak);
        return this;
    }

    @Override
    protected void before() throws Throwable {
        if (port != 0) {
            return; // developing the flows against a distribution already running (with the same tweaks applied by hand)
        }
        unpack();
        for (Tweak tweak : tweaks) {
            tweak.apply(home);
        }
        start();
        awaitApi();
    }

    @Override
    protected void after() {
        stop();
    }

    /** The base of the server, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String api() {
        return baseUrl() + "/api/v1";
    }

    public Path home() {
        return home;
    }

    private void unpack() throws IOException, InterruptedException {
        Path archive = archive();
        deleteTree(home);
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", home.toString(), "--strip-components=1")
                .inheritIO().start();
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IllegalStateException("Could not unpack " + archive);
        }
        port = freePort();
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(port));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(freePort()));
    }

    /** The archive of the reactor's distribution module, else the one installed in the local repository. */
    private static Path archive() {
        String version = System.getProperty("atrium.version");
        String name = "atrium-distribution-" + version + ".tar.gz";
        Path built = Path.of(System.getProperty("basedir", "."), "..", "distribution", "target", name);
        Path installed = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"),
                "org", "atrium", "atrium-distribution", version, name);
        if (Files.isRegularFile(built)) {
            return built;
        }
        if (Files.isRegularFile(installed)) {
            return installed;
        }
        throw new IllegalStateException("No distribution at " + built + " or " + installed + ": build the distribution module first");
    }

    private void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("EXTRA_JAVA_OPTS");
        Process started = builder.start();
        script = started;
        // failsafe's timeout or Ctrl-C: the Karaf below the script goes with the test JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> killAll(started)));
    }

    private void awaitApi() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!script.isAlive()) {
                throw new AssertionError("Karaf exited early; see " + home.resolve("console.log"));
            }
            if (answers200(api() + "/health", null) && answers200(api() + "/tickets?limit=1", Rest.basic("anna"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The API did not answer within " + READY_TIMEOUT + "; see " + home.resolve("console.log"));
    }

    private boolean answers200(String url, String authorization) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** SIGTERM to the Karaf JVM by pid (its shutdown hook stops the bundles), SIGKILL after 60 s. */
    private void stop() {
        if (script == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        script.toHandle().descendants().forEach(all::add);
        all.add(script.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        script = null;
    }

    private static void killAll(Process script) {
        script.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        script.destroyForcibly();
    }

    /** Sets {@code key = value} in a Karaf .cfg file, replacing the line if there is one. */
    public static void setProperty(Path file, String key, String value) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
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
