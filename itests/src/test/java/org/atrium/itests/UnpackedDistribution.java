package org.atrium.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The distribution this build made, unpacked into a folder of a test's own, on free ports, for tests
 * that start it as a process with {@code bin/karaf run} (a crash, two nodes) rather than through Pax Exam.
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
