package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Durability: a ticket the API answered 201 for survives a SIGKILL of the server the next moment.
 * Plain JUnit, no Pax Exam: the distribution this build made is unpacked and started as a process
 * ({@code bin/karaf run}) on free ports, killed with SIGKILL right after the 201 (no shutdown
 * hook, no Derby shutdown), started again, and asked for the ticket.
 */
public class CrashDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process script;
    private int port;

    @Test
    public void ticketAnswered201SurvivesKill9() throws Exception {
        Path home = unpack(Path.of("target", "crash-durability").toAbsolutePath());

        start(home);
        String body = "{\"type\":\"it.incident\",\"summary\":\"Survives a crash\",\"impact\":\"high\",\"urgency\":\"medium\","
                + "\"fields\":{\"affectedService\":\"vpn\"}}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(api() + "/tickets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(created.body(), 201, created.statusCode());
        String key = JSON.readTree(created.body()).path("key").asText();
        assertTrue(key, key.startsWith("IT-"));
        killMinus9();

        start(home);
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(api() + "/tickets/" + key)).GET());
        assertEquals(read.body(), 200, read.statusCode());
        JsonNode ticket = JSON.readTree(read.body());
        assertEquals("Survives a crash", ticket.path("summary").asText());
        assertEquals("new", ticket.path("status").asText());
        HttpResponse<String> history = send(HttpRequest.newBuilder(URI.create(api() + "/tickets/" + key + "/history")).GET());
        assertEquals(history.body(), 200, history.statusCode());
        assertEquals("created", JSON.readTree(history.body()).path(0).path("action").asText());
    }

    @After
    public void killWhateverRuns() throws Exception {
        if (script != null) {
            killMinus9();
        }
    }

    // ---- the distribution as a process ----

    private Path unpack(Path dir) throws Exception {
        port = UnpackedDistribution.unpack(dir);
        return dir;
    }

    private void start(Path home) throws Exception {
        assertFalse("already running", script != null && script.isAlive());
        script = UnpackedDistribution.start(home);
        UnpackedDistribution.awaitApi(script, home, api(), http, READY_TIMEOUT);
    }

    private void killMinus9() {
        UnpackedDistribution.killMinus9(script);
        script = null;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(response);
        return response;
    }

    private String api() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }



}
