package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Durable approval timers (issue 8): an approval whose reminder and timeout fall due while the server
 * is stopped gets both exactly once after the next start, and the timeout's implicit decision moves
 * the ticket on. Plain JUnit like {@link CrashDurabilityIT}: the distribution is unpacked and run as
 * a process, with a descriptor-only department bundle in its {@code deploy/} folder whose type asks
 * the requester's manager and approves by itself after 20 s (reminder 10 s before). anna files a
 * request, marc (her manager) finds it pending, the server is stopped gracefully (SIGTERM to the
 * Karaf JVM), the test waits past the due time, starts the server again and watches over REST.
 * <p>
 * The same type has an SLA clock of 25 s on the 24x7 calendar (issue 9): its breach also falls due
 * while the server is stopped, and is recorded once after the start (one {@code sla-breached} row,
 * the clock breached in {@code GET /tickets/{key}/sla}).
 */
public class ApprovalTimerDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TIMEOUT_AFTER = Duration.ofSeconds(20);
    private static final Duration REMIND_BEFORE = Duration.ofSeconds(10);
    /** How long the restarted server may take to fire what is due (its timer thread polls every second). */
    private static final Duration FIRE_WITHIN = Duration.ofSeconds(20);
    /** How long the test goes on watching that nothing fires a second time. */
    private static final Duration QUIET_FOR = Duration.ofSeconds(5);
    private static final String TYPE = "travel.trip";
    private static final Duration SLA_TARGET = Duration.ofSeconds(25);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Path home;
    private Process script;
    private int port;

    @Test
    public void approvalTimedOutWhileStoppedFiresOnceAfterStart() throws Exception {
        home = Path.of("target", "approval-timer-durability").toAbsolutePath();
        port = UnpackedDistribution.unpack(home);
        Files.write(home.resolve("deploy/atrium-test-travel.jar"),
                TestBundles.descriptorBundle("org.atrium.test.travel", "1.0.0", Map.of("trip.json", tripDescriptor())));

        start();
        awaitInCatalog();
        JsonNode created = expect(201, "anna", "POST", "/tickets", "{\"type\":\"" + TYPE + "\",\"summary\":\"Customer visit in Lyon\","
                + "\"fields\":{\"destination\":\"Lyon\"}}");
        String key = created.path("key").asText();
        assertTrue(created.toString(), key.startsWith("TRIP-"));
        assertEquals(created.toString(), "pending", created.path("approval").path("state").asText());

        JsonNode approval = pendingApprovalOf("marc", key);
        long id = approval.path("id").asLong();
        Instant requestedAt = Instant.parse(approval.path("requestedAt").asText());
        Instant dueAt = Instant.parse(approval.path("dueAt").asText());
        assertEquals(approval.toString(), requestedAt.plus(TIMEOUT_AFTER), dueAt);
        assertEquals(approval.toString(), "Lyon", approval.path("fields").path("destination").asText());

        UnpackedDistribution.stopGracefully(script, STOP_TIMEOUT);
        script = null;
        Instant stoppedAt = Instant.now();
        assertTrue("the server took until " + stoppedAt + " to stop, after the reminder fell due at " + dueAt.minus(REMIND_BEFORE)
                + ": nothing would prove that timers fire after a start", stoppedAt.isBefore(dueAt.minus(REMIND_BEFORE)));
        sleepUntil(dueAt.plusSeconds(1));

        start();
        JsonNode ticket = awaitStatus(key, "approved");
        assertEquals(ticket.toString(), "approved", ticket.path("approval").path("state").asText());
        assertEquals(ticket.toString(), "[\"system\"]", ticket.path("approval").path("decidedBy").toString());

        JsonNode decided = expect(200, "marc", "GET", "/approvals/" + id, null);
        assertEquals(decided.toString(), "approved", decided.path("state").asText());
        assertEquals(decided.toString(), "system", decided.path("decidedBy").asText());
        assertTrue(decided.toString(), Instant.parse(decided.path("decidedAt").asText()).isAfter(stoppedAt));
        assertTrue(decided.path("comment").asText(), decided.path("comment").asText().startsWith("No decision within PT20S"));
        assertEquals("marc's inbox is empty again", 0, pendingOf("marc", key));

        // the SLA clock's breach fell due while the server was stopped, too: recorded after the start
        JsonNode breached = awaitAction(key, "sla-breached");
        assertTrue(breached.toString(), breached.size() > 0);
        JsonNode clock = expect(200, "anna", "GET", "/tickets/" + key + "/sla", null).get(0);
        assertEquals(clock.toString(), "breached", clock.path("state").asText());
        assertEquals(clock.toString(), Instant.parse(created.path("createdAt").asText()).plus(SLA_TARGET),
                Instant.parse(clock.path("dueAt").asText()));

        // fired once: the rows are there, dated after the stop, and stay single while the server keeps running its timers
        // (one quiet period for the approval's timers and the clock's: they fire in the same sweeps)
        long quietUntil = System.nanoTime() + QUIET_FOR.toNanos();
        do {
            JsonNode history = expect(200, "anna", "GET", "/tickets/" + key + "/history", null);
            assertOnceAfter(history, "approval-reminded", stoppedAt);
            assertOnceAfter(history, "approval-decided", stoppedAt);
            assertOnceAfter(history, "approval-outcome", stoppedAt);
            assertOnceAfter(history, "sla-breached", stoppedAt);
            assertEquals(history.toString(), 0, count(history, "approval-escalated") + count(history, "approval-overdue"));
            assertEquals(history.toString(), 1, count(history, "approval-requested"));
            assertTrue("the reminder comes before the decision: " + history,
                    indexOf(history, "approval-reminded") < indexOf(history, "approval-decided"));
            Thread.sleep(500);
        } while (System.nanoTime() < quietUntil);
        assertEquals("approved", expect(200, "anna", "GET", "/tickets/" + key, null).path("status").asText());
    }

    private JsonNode awaitAction(String key, String action) throws Exception {
        long deadline = System.nanoTime() + FIRE_WITHIN.toNanos();
        JsonNode history;
        do {
            history = expect(200, "anna", "GET", "/tickets/" + key + "/history", null);
            if (count(history, action) > 0) {
                return history;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + action + " on " + key + " " + FIRE_WITHIN + " after the start: " + history);
    }

    @After
    public void killWhateverRuns() {
        if (script != null) {
            UnpackedDistribution.killMinus9(script);
            script = null;
        }
    }

    /**
     * A department of its own with its own workflow: a trip is submitted, the requester's manager
     * approves it (or the server does, 20 s on), and it moves to approved or declined.
     */
    private static String tripDescriptor() {
        return """
                {
                  "key": "travel.trip",
                  "department": "travel",
                  "category": "service-request",
                  "keyPrefix": "TRIP",
                  "schemaVersion": 1,
                  "names": {"de": "Dienstreise", "en": "Business trip"},
                  "fields": [
                    {"name": "destination", "type": "text", "required": true, "maxLength": 100,
                     "labels": {"de": "Reiseziel", "en": "Destination"}}
                  ],
                  "workflow": {
                    "initial": "submitted",
                    "states": [
                      {"key": "submitted", "category": "open", "names": {"de": "Eingereicht", "en": "Submitted"}},
                      {"key": "approved", "category": "in-progress", "names": {"de": "Genehmigt", "en": "Approved"}},
                      {"key": "declined", "category": "resolved", "names": {"de": "Abgelehnt", "en": "Declined"}},
                      {"key": "closed", "category": "closed", "names": {"de": "Abgeschlossen", "en": "Closed"}}
                    ],
                    "transitions": [
                      {"from": ["submitted"], "to": "approved", "names": {"de": "Genehmigen", "en": "Approve"},
                       "by": ["approver"], "guards": {"approvalsDecided": true}},
                      {"from": ["submitted"], "to": "declined", "names": {"de": "Ablehnen", "en": "Decline"},
                       "by": ["approver"], "guards": {"approvalsDecided": true}},
                      {"from": ["submitted", "approved", "declined"], "to": "closed", "names": {"de": "Schließen", "en": "Close"},
                       "by": ["requester", "agents"]}
                    ]
                  },
                  "sla": {"calendar": "24x7", "clocks": [{"key": "resolution", "names": {"de": "Erledigung", "en": "Resolution"},
                    "targets": {"P1": "PT25S", "P2": "PT25S", "P3": "PT25S", "P4": "PT25S"}}]},
                  "approvals": [{
                    "state": "submitted", "approvedTo": "approved", "rejectedTo": "declined",
                    "stages": [{
                      "key": "manager",
                      "names": {"de": "Führungskraft", "en": "Line manager"},
                      "approvers": [{"managerOf": "requester"}],
                      "rule": "any",
                      "shows": ["destination"],
                      "timeout": {"after": "PT20S", "remindBefore": "PT10S", "decision": "approve"}
                    }]
                  }]
                }
                """;
    }

    // ---- what the test watches over REST ----

    private void awaitInCatalog() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode type : expect(200, "anna", "GET", "/catalog", null)) {
                if (TYPE.equals(type.path("key").asText())) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(TYPE + " from deploy/ is not in the catalog; see " + home.resolve("console.log"));
    }

    private JsonNode pendingApprovalOf(String approver, String key) throws Exception {
        for (JsonNode approval : expect(200, approver, "GET", "/approvals?state=pending", null)) {
            if (key.equals(approval.path("ticket").asText())) {
                assertEquals(approval.toString(), "manager", approval.path("stage").asText());
                assertEquals(approval.toString(), approver, approval.path("approver").asText());
                return approval;
            }
        }
        throw new AssertionError(approver + " has no pending approval of " + key);
    }

    private int pendingOf(String approver, String key) throws Exception {
        int found = 0;
        for (JsonNode approval : expect(200, approver, "GET", "/approvals?state=pending", null)) {
            found += key.equals(approval.path("ticket").asText()) ? 1 : 0;
        }
        return found;
    }

    private JsonNode awaitStatus(String key, String status) throws Exception {
        long deadline = System.nanoTime() + FIRE_WITHIN.toNanos();
        JsonNode ticket;
        do {
            ticket = expect(200, "anna", "GET", "/tickets/" + key, null);
            if (status.equals(ticket.path("status").asText())) {
                return ticket;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(key + " is not " + status + " " + FIRE_WITHIN + " after the start: " + ticket
                + "\nhistory: " + expect(200, "anna", "GET", "/tickets/" + key + "/history", null));
    }

    private static void assertOnceAfter(JsonNode history, String action, Instant after) {
        assertEquals(action + " in " + history, 1, count(history, action));
        for (JsonNode row : history) {
            if (action.equals(row.path("action").asText())) {
                assertEquals(row.toString(), "system", row.path("actor").asText());
                assertTrue(action + " before the server was stopped (" + after + "): " + row,
                        Instant.parse(row.path("at").asText()).isAfter(after));
            }
        }
    }

    private static int indexOf(JsonNode history, String action) {
        for (int i = 0; i < history.size(); i++) {
            if (action.equals(history.get(i).path("action").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static int count(JsonNode history, String action) {
        int found = 0;
        for (JsonNode row : history) {
            found += action.equals(row.path("action").asText()) ? 1 : 0;
        }
        return found;
    }

    // ---- the distribution as a process ----

    private void start() throws Exception {
        assertFalse("already running", script != null && script.isAlive());
        script = UnpackedDistribution.start(home);
        UnpackedDistribution.awaitApi(script, home, api(), http, READY_TIMEOUT);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private JsonNode expect(int status, String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(method + " " + path + " as " + user + ": " + response.body(), status, response.statusCode());
        return JSON.readTree(response.body());
    }

    private String api() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }
}
