package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.atrium.core.internal.persistence.PostgresCluster;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two Atrium nodes on one PostgreSQL database, as docs/scaling.md runs them: two unpacked
 * distributions started with {@code bin/karaf run} on their own free ports, switched to a database
 * in the test run's private PostgreSQL cluster (a portal session signed in on one node is accepted and
 * ended on the other). Plain JUnit, no Pax Exam (one container per JVM
 * does not fit). The methods run in name order: the last one kills node B.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TwoNodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT = "{\"type\":\"it.incident\",\"summary\":\"%s\",\"impact\":\"high\",\"urgency\":\"medium\","
            + "\"fields\":{\"affectedService\":\"vpn\"}}";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static String jdbcUrl;
    private static String user;
    private static KarafNode a;
    private static KarafNode b;

    @BeforeClass
    public static void startTwoNodesOnOneDatabase() throws Exception {
        PostgresCluster cluster = PostgresCluster.get();
        String database = cluster.createDatabase("two_nodes");
        jdbcUrl = cluster.url(database);
        user = cluster.user();
        Path base = Path.of("target", "two-nodes").toAbsolutePath();
        a = KarafNode.unpack("node A", base.resolve("a"), jdbcUrl, user);
        b = KarafNode.unpack("node B", base.resolve("b"), jdbcUrl, user);
        // both at once: the migrations run under a lock, so the schema is created once
        a.start();
        b.start();
        a.awaitReady(HTTP);
        b.awaitReady(HTTP);
    }

    @AfterClass
    public static void stopBothNodes() {
        for (KarafNode node : new KarafNode[] {a, b}) {
            if (node != null) {
                node.killMinus9();
            }
        }
    }

    @Test
    public void t1_healthNeedsNoCredentialsAndNamesTheDatabase() throws Exception {
        for (KarafNode node : List.of(a, b)) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(node.api() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(health.body(), 200, health.statusCode());
            JsonNode body = JSON.readTree(health.body());
            assertEquals("up", body.path("status").asText());
            assertTrue(health.body(), body.path("database").path("product").asText().startsWith("PostgreSQL"));
        }
    }

    @Test
    public void t2_concurrentCreationOnBothNodesGivesUniqueKeysAndLosesNothing() throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            KarafNode node = client % 2 == 0 ? a : b;
            int number = client;
            runs.add(clients.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    Reply created = send(node, "POST", "/tickets", "anna", String.format(INCIDENT, "concurrent " + number + "/" + i));
                    assertEquals(created.text, 201, created.status);
                    acknowledged.add(created.json.path("key").asText());
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(90, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertEquals(200, acknowledged.size());
        assertEquals("every key handed out once", 200, new HashSet<>(acknowledged).size());
        assertEachStoredOnce(acknowledged);
    }

    @Test
    public void t3_anUpdateOnOneNodeIsSeenAtOnceOnTheOther() throws Exception {
        Reply created = send(a, "POST", "/tickets", "anna", String.format(INCIDENT, "before"));
        assertEquals(created.text, 201, created.status);
        String key = created.json.path("key").asText();
        // read on B first, so that a cache on B would hold the old state
        assertEquals("before", send(b, "GET", "/tickets/" + key, "anna", null).json.path("summary").asText());

        Reply updated = send(a, "PATCH", "/tickets/" + key, "anna",
                "{\"version\":" + created.json.path("version").asLong() + ",\"summary\":\"after\"}");
        assertEquals(updated.text, 200, updated.status);
        Reply seen = send(b, "GET", "/tickets/" + key, "anna", null);
        assertEquals("after", seen.json.path("summary").asText());
        assertEquals(updated.json.path("version").asLong(), seen.json.path("version").asLong());
    }

    @Test
    public void t3s_aSessionSignedInOnOneNodeIsAcceptedAndEndedOnTheOther() throws Exception {
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(a.api() + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"anna\",\"password\":\"anna\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(signedIn.body(), 201, signedIn.statusCode());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = JSON.readTree(signedIn.body()).path("csrfToken").asText();
        HttpResponse<String> onB = withCookie(b, "GET", "/session", cookie, null);
        assertEquals("no sticky sessions: B accepts A's session", 200, onB.statusCode());
        assertEquals(csrf, JSON.readTree(onB.body()).path("csrfToken").asText());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(b.api() + "/tickets")).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(INCIDENT, "via a session from A"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals(204, withCookie(b, "DELETE", "/session", cookie, csrf).statusCode());
        assertEquals("signed out on B, refused on A", 401, withCookie(a, "GET", "/me", cookie, null).statusCode());
    }

    private static HttpResponse<String> withCookie(KarafNode node, String method, String path, String cookie, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.api() + path)).header("Cookie", cookie)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void t4_aStaleUpdateOnBAfterAChangeOnAIsAConflict() throws Exception {
        Reply created = send(a, "POST", "/tickets", "anna", String.format(INCIDENT, "race"));
        String key = created.json.path("key").asText();
        long read = send(b, "GET", "/tickets/" + key, "anna", null).json.path("version").asLong();

        Reply first = send(a, "PATCH", "/tickets/" + key, "anna", "{\"version\":" + read + ",\"summary\":\"A was first\"}");
        assertEquals(first.text, 200, first.status);
        Reply stale = send(b, "PATCH", "/tickets/" + key, "anna", "{\"version\":" + read + ",\"summary\":\"B was late\"}");
        assertEquals(stale.text, 409, stale.status);
        assertEquals(first.json.path("version").asLong(), stale.json.path("currentVersion").asLong());
        assertEquals("A was first", send(b, "GET", "/tickets/" + key, "anna", null).json.path("summary").asText());
    }

    /**
     * Both nodes sweep every second; tickets whose auto-close time is set into the past by JDBC are
     * closed by whichever node gets there first, and each exactly once (optimistic locking).
     */
    @Test
    public void t5_theAutoCloseTimerFiresOncePerTicketAcrossBothNodes() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            KarafNode node = i % 2 == 0 ? a : b;
            Reply created = send(node, "POST", "/tickets", "anna", String.format(INCIDENT, "auto-close " + i));
            String key = created.json.path("key").asText();
            Reply resolved = send(node, "POST", "/tickets/" + key + "/transitions", "ina", "{\"to\":\"resolved\",\"resolutionCode\":\"fixed\"}");
            assertEquals(resolved.text, 200, resolved.status);
            keys.add(key);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement due = c.prepareStatement("UPDATE ticket SET auto_close_at = CURRENT_TIMESTAMP - INTERVAL '1 minute' WHERE ticket_key = ?")) {
            for (String key : keys) {
                due.setString(1, key);
                assertEquals(1, due.executeUpdate());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String key : keys) {
            while (!"closed".equals(send(a, "GET", "/tickets/" + key, "anna", null).json.path("status").asText())) {
                assertTrue(key + " was not closed automatically within 30 s", System.nanoTime() < deadline);
                Thread.sleep(200);
            }
        }
        Thread.sleep(3000); // a few more sweeps on both nodes: nothing may close a second time
        for (String key : keys) {
            int systemCloses = 0;
            for (JsonNode entry : send(b, "GET", "/tickets/" + key + "/history", "anna", null).json) {
                if ("system".equals(entry.path("actor").asText()) && "transitioned".equals(entry.path("action").asText())) {
                    assertEquals("closed", entry.path("after").asText());
                    systemCloses++;
                }
            }
            assertEquals(key + " closed by the system exactly once", 1, systemCloses);
        }
    }

    /**
     * Clients on both nodes create tickets; node B's JVM is killed with SIGKILL (by pid) in the
     * middle. Node A goes on answering 201, and every ticket either node acknowledged is stored once.
     */
    @Test
    public void t6_nodeBKilledUnderLoadWhileAKeepsServingLosesNothingAcknowledged() throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger servedByAAfterKill = new AtomicInteger();
        AtomicInteger failedOnB = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            KarafNode node = client % 2 == 0 ? a : b;
            int number = client;
            runs.add(clients.submit(() -> {
                for (int i = 0; i < 2_000 && !stop.get(); i++) {
                    Reply created;
                    try {
                        created = send(node, "POST", "/tickets", "anna", String.format(INCIDENT, "under load " + number + "/" + i));
                    } catch (IOException e) {
                        assertTrue(node + " failed although it was not killed: " + e, node == b && killed.get());
                        failedOnB.incrementAndGet();
                        Thread.sleep(50);
                        continue;
                    }
                    assertEquals(node + ": " + created.text, 201, created.status);
                    acknowledged.add(created.json.path("key").asText());
                    if (node == a && killed.get()) {
                        servedByAAfterKill.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(2_000);
        long pid = b.pid();
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly()); // SIGKILL to B's JVM
        killed.set(true);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Thread.sleep(3_000);
        stop.set(true);
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        b.killMinus9(); // the shell above B's JVM

        assertTrue("node A served after B was killed", servedByAAfterKill.get() > 0);
        assertTrue("B's clients noticed the kill", failedOnB.get() > 0);
        assertEquals("every key handed out once", acknowledged.size(), new HashSet<>(acknowledged).size());
        assertEachStoredOnce(acknowledged);
        for (String key : List.of(acknowledged.peek())) {
            assertEquals(200, send(a, "GET", "/tickets/" + key, "anna", null).status);
        }
        System.out.printf("two nodes under load: %d acknowledged, %d served by A after the kill, %d failures on B%n",
                acknowledged.size(), servedByAAfterKill.get(), failedOnB.get());
    }

    private static void assertEachStoredOnce(Iterable<String> keys) throws SQLException {
        Map<String, Integer> counts = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             ResultSet rows = c.createStatement().executeQuery("SELECT ticket_key, COUNT(*) FROM ticket GROUP BY ticket_key")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        Set<String> missing = new HashSet<>();
        for (String key : keys) {
            Integer count = counts.get(key);
            if (count == null) {
                missing.add(key);
            } else {
                assertEquals(key + " stored once", 1, count.intValue());
            }
        }
        assertTrue("acknowledged but not stored: " + missing, missing.isEmpty());
        assertFalse(counts.isEmpty());
    }

    private record Reply(int status, String text, JsonNode json) {
    }

    private static Reply send(KarafNode node, String method, String path, String login, String body)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.api() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + credentials);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        return new Reply(response.statusCode(), text, json);
    }
}
