package org.atrium.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

/**
 * The server's start and stop as an operator sees them, with the distribution started as a process
 * ({@code bin/karaf run}): with its HTTP port taken by another server it says so at ERROR instead of
 * "listening"; a graceful stop under load answers 503 (or closes connections), never 500.
 */
public class ServerLifecycleIT {
    private static final String ANNA = "Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process script;

    @After
    public void stop() {
        if (script != null && script.isAlive()) {
            UnpackedDistribution.killMinus9(script);
        }
    }

    @Test
    public void aTakenPortIsReportedAtErrorNotAsListening() throws Exception {
        Path home = Path.of("target", "lifecycle-port-taken").toAbsolutePath();
        int port = UnpackedDistribution.unpack(home);
        AtomicBoolean open = new AtomicBoolean(true);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.setReuseAddress(true);
            squatter.bind(new InetSocketAddress(port));
            Thread answering = new Thread(() -> answerEveryone(squatter, open), "another server");
            answering.setDaemon(true);
            answering.start();
            script = UnpackedDistribution.start(home);
            Path console = home.resolve("console.log");
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (!log(console).contains("Atrium REST API is NOT reachable") && System.nanoTime() < deadline) {
                assertTrue("Karaf exited early; see " + console, script.isAlive());
                Thread.sleep(200);
            }
            String log = log(console);
            assertTrue("no ERROR about the port in " + console, log.lines().anyMatch(line -> line.contains("ERROR")
                    && line.contains("Atrium REST API is NOT reachable at http://localhost:" + port) && line.contains("another server")));
            assertFalse("claims to listen: " + console, log.contains("Atrium REST API listening"));
        } finally {
            open.set(false);
        }
    }

    private static void answerEveryone(ServerSocket squatter, AtomicBoolean open) {
        while (open.get()) {
            try (Socket client = squatter.accept()) {
                client.setSoTimeout(1_000);
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nServer: squatter\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    private static String log(Path console) throws IOException {
        return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
    }

    @Test
    public void aGracefulStopUnderLoadAnswers503Never500() throws Exception {
        Path home = Path.of("target", "lifecycle-stop").toAbsolutePath();
        int port = UnpackedDistribution.unpack(home);
        String api = "http://localhost:" + port + "/api/v1";
        script = UnpackedDistribution.start(home);
        UnpackedDistribution.awaitApi(script, home, api, http, Duration.ofSeconds(120));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> bodies = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean writer = i % 2 == 0;
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> answer = http.send(request(api, writer), HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        bodies.putIfAbsent(answer.statusCode(), answer.body());
                    } catch (IOException e) {
                        pause(); // refused or closed while stopping: what a stopped server does
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        Thread.sleep(2_000);
        UnpackedDistribution.stopGracefully(script, Duration.ofSeconds(60));
        running.set(false);
        for (Thread client : clients) {
            client.join(10_000);
        }
        assertFalse("a 500 while stopping: " + bodies.get(500) + " " + statuses, statuses.containsKey(500));
        assertTrue("no request was served: " + statuses, statuses.containsKey(200) || statuses.containsKey(201));
        // 404: once CXF's servlet has gone, Jetty answers for itself until it stops, as problem+json
        statuses.keySet().forEach(status -> assertTrue(status + ": " + bodies.get(status), status < 300 || status == 503 || status == 404));
        if (statuses.containsKey(404)) {
            assertTrue(bodies.get(404), bodies.get(404).startsWith("{\"type\":\"about:blank\""));
        }
        if (statuses.containsKey(503)) {
            assertTrue(bodies.get(503), bodies.get(503).contains("shutting down") || bodies.get(503).contains("being published"));
        }
    }

    private static HttpRequest request(String api, boolean writer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + (writer ? "/tickets" : "/tickets?limit=5")))
                .header("Authorization", ANNA).timeout(Duration.ofSeconds(10));
        return writer ? builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"type\":\"it.incident\",\"summary\":\"Stopping\",\"impact\":\"low\",\"urgency\":\"low\","
                        + "\"fields\":{\"affectedService\":\"vpn\"}}")).build() : builder.GET().build();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
