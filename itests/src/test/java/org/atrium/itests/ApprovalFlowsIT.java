package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import javax.inject.Inject;

/**
 * The approval flows of the shipped types, as the demo cast walks them over REST: leave (approve,
 * reject, a delegate), the three kinds of change, onboarding with its children seen from every
 * agent's side, and the refusals that keep decisions safe.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApprovalFlowsIT extends AtriumTestSupport {
    /** The demo directory as shipped, with marc away (chris his delegate) around the holidays. */
    private static final String PEOPLE_HEADER = "id,displayName,email,language,department,manager,country,region,roles,active,"
            + "outOfOfficeDelegate,outOfOfficeFrom,outOfOfficeUntil\n";

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void apiIsUp() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30),
                () -> registry.find("hr.leave").isPresent() && registry.find("it.task").isPresent()
                        && registry.find("facility.task").isPresent() && registry.find("hr.onboarding").isPresent());
        waitForApi();
    }

    /** The leave dates, moved on by whole years once they are past (the form refuses a period in the past). */
    private static Map<String, String> holidays() {
        LocalDate from = LocalDate.of(2026, 12, 21);
        LocalDate until = LocalDate.of(2027, 1, 8);
        while (!from.isAfter(LocalDate.now().plusDays(1))) {
            from = from.plusYears(1);
            until = until.plusYears(1);
        }
        return Map.of("from", from.toString(), "to", until.toString());
    }

    private String fileLeave() throws Exception {
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "hr.leave", "summary", "Winter holidays",
                "fields", Map.of("kind", "annual", "period", holidays())));
        assertEquals(filed.raw().body(), 201, filed.status());
        assertEquals("pending", filed.body().get("approval").get("state").asText());
        assertTrue("working days from anna's state", filed.body().get("fields").get("workingDays").asInt() > 5);
        return filed.body().get("key").asText();
    }

    private JsonNode pendingFor(String user, String key) throws Exception {
        Reply inbox = http("GET", "/approvals?state=pending", user, null);
        assertEquals(inbox.raw().body(), 200, inbox.status());
        for (JsonNode approval : inbox.body()) {
            if (approval.get("ticket").asText().equals(key)) {
                return approval;
            }
        }
        throw new AssertionError(user + " has no pending approval of " + key + ": " + inbox.body());
    }

    private Reply decide(String user, JsonNode approval, String decision, String comment) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (comment != null) {
            body.put("comment", comment);
        }
        return http("POST", "/approvals/" + approval.get("id").asLong(), user, body);
    }

    private Reply move(String key, String user, Map<String, Object> body) throws Exception {
        return http("POST", "/tickets/" + key + "/transitions", user, body);
    }

    private JsonNode ticket(String key, String user) throws Exception {
        Reply reply = http("GET", "/tickets/" + key, user, null);
        assertEquals(reply.raw().body(), 200, reply.status());
        return reply.body();
    }

    private static List<String> fieldNames(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    @Test
    public void leaveApprovedByTheManagerConfirmedByHrAndSeenByAnna() throws Exception {
        String key = fileLeave();
        JsonNode asked = pendingFor("marc", key);
        assertEquals("Winter holidays", asked.get("summary").asText());
        assertFalse("an approver sees only the fields the stage shows", asked.get("fields").has("reason"));
        assertTrue(asked.get("fields").has("period"));
        JsonNode seen = ticket(key, "marc");
        assertTrue("no description for the approver", seen.get("description") == null || seen.get("description").isNull());

        Reply approved = decide("marc", asked, "approve", "Schöne Feiertage");
        assertEquals(approved.raw().body(), 200, approved.status());
        assertEquals("approved", approved.body().get("state").asText());
        assertEquals("approved", ticket(key, "anna").get("status").asText());
        assertEquals(200, http("GET", "/tickets/" + key, "marc", null).status()); // keeps read access after deciding

        Reply confirmed = move(key, "hanna", Map.of("to", "recorded", "resolutionCode", "approved"));
        assertEquals(confirmed.raw().body(), 200, confirmed.status());
        JsonNode outcome = ticket(key, "anna");
        assertEquals("resolved", outcome.get("statusCategory").asText());
        assertEquals("approved", outcome.get("resolutionCode").asText());
        assertEquals("approved", outcome.get("approval").get("state").asText());
        assertEquals("marc", outcome.get("approval").get("decidedBy").get(0).asText());
        JsonNode approvals = http("GET", "/tickets/" + key + "/approvals", "anna", null).body();
        assertEquals("Schöne Feiertage", approvals.get(0).get("comment").asText());
        List<String> actions = new ArrayList<>();
        http("GET", "/tickets/" + key + "/history", "anna", null).body().forEach(h -> actions.add(h.get("action").asText()));
        assertTrue(actions.toString(), actions.containsAll(List.of("approval-requested", "approval-decided", "approval-outcome")));
    }

    @Test
    public void leaveRejectedWithAReasonAnnaReads() throws Exception {
        String key = fileLeave();
        JsonNode asked = pendingFor("marc", key);
        assertEquals(400, decide("marc", asked, "reject", null).status()); // a rejection needs a reason
        assertEquals(200, decide("marc", asked, "reject", "Year-end closing: please take January").status());
        JsonNode outcome = ticket(key, "anna");
        assertEquals("rejected", outcome.get("approval").get("state").asText());
        assertEquals("declined", outcome.get("resolutionCode").asText());
        assertEquals("Year-end closing: please take January",
                http("GET", "/tickets/" + key + "/approvals", "anna", null).body().get(0).get("comment").asText());
        Reply again = decide("marc", asked, "approve", null);
        assertEquals(409, again.status());
        assertEquals("application/problem+json", again.contentType());
    }

    @Test
    public void theDelegateDecidesOnlyWhileTheManagerIsAway() throws Exception {
        String key = fileLeave();
        JsonNode asked = pendingFor("marc", key);
        // marc's absence as shipped lies ahead: chris may not act for him today
        Reply early = decide("chris", asked, "approve", null);
        assertEquals(early.raw().body(), 403, early.status());
        assertEquals(1, http("GET", "/tickets/" + key + "/approvals", "anna", null).body().size());
        assertEquals("pending", ticket(key, "anna").get("approval").get("state").asText());

        LocalDate today = LocalDate.now();
        importPeople("marc,Marc Maier,marc@example.com,de,sales,,DE,DE-BY,employee;approver,true,chris,"
                + today.minusDays(1) + "," + today.plusDays(3));
        try {
            JsonNode forChris = pendingFor("chris", key);
            Reply decided = decide("chris", forChris, "approve", "Für Marc");
            assertEquals(decided.raw().body(), 200, decided.status());
            assertEquals("chris", decided.body().get("decidedBy").asText());
            assertEquals("marc", decided.body().get("onBehalfOf").asText());
            assertEquals("approved", ticket(key, "anna").get("status").asText());
        } finally {
            importPeople("marc,Marc Maier,marc@example.com,de,sales,,DE,DE-BY,employee;approver,true,chris,2026-12-21,2027-01-06");
        }
    }

    @Test
    public void refusalsChangeNothing() throws Exception {
        String key = fileLeave();
        JsonNode asked = pendingFor("marc", key);
        assertEquals(403, decide("anna", asked, "approve", null).status()); // her own request
        Reply stranger = decide("ina", asked, "approve", null);
        assertEquals(404, stranger.status()); // not involved and may not see the confidential HR ticket: not disclosed
        assertEquals("application/problem+json", stranger.contentType());
        assertEquals(404, http("GET", "/tickets/" + key, "ina", null).status()); // not an approver: the HR ticket stays hidden
        assertEquals("pending", http("GET", "/tickets/" + key + "/approvals", "anna", null).body().get(0).get("state").asText());
        // anna withdraws: the approval is no longer needed
        assertEquals(200, move(key, "anna", Map.of("to", "closed")).status());
        assertEquals(409, decide("marc", asked, "approve", null).status());
        assertEquals(404, http("POST", "/approvals/99999999", "marc", Map.of("decision", "approve")).status());
        assertEquals(400, http("POST", "/approvals/" + asked.get("id").asLong(), "marc", Map.of("decision", "approve", "extra", 1)).status());
    }

    private String fileChange(String changeType, Map<String, Object> more) throws Exception {
        Map<String, Object> fields = new HashMap<>(Map.of("changeType", changeType, "risk", "medium",
                "implementationWindow", Map.of("from", LocalDate.now().plusDays(7).toString(), "to", LocalDate.now().plusDays(8).toString()),
                "affectedServices", List.of("email")));
        fields.putAll(more);
        Reply filed = http("POST", "/tickets", "admin", Map.of("type", "it.change", "summary", changeType + " change of the mail relay",
                "fields", fields));
        assertEquals(filed.raw().body(), 201, filed.status());
        String key = filed.body().get("key").asText();
        assertEquals(200, move(key, "ina", Map.of("to", "in-progress")).status());
        return key;
    }

    @Test
    public void aNormalChangeNeedsItsPlansAndTwoOfTheCabThenTheChangeManagerSchedulesIt() throws Exception {
        Reply noPlans = http("POST", "/tickets", "admin", Map.of("type", "it.change", "summary", "No plans",
                "fields", Map.of("changeType", "normal", "risk", "low", "affectedServices", List.of("email"),
                        "implementationWindow", Map.of("from", LocalDate.now().plusDays(7).toString(), "to", LocalDate.now().plusDays(7).toString()))));
        assertEquals(400, noPlans.status());

        String key = fileChange("normal", Map.of("testPlan", "Staging first", "rollbackPlan", "Restore the VM snapshot"));
        // an agent cannot skip the CAB
        assertTrue(move(key, "ina", Map.of("to", "implementing")).status() >= 400);
        assertEquals(200, move(key, "ina", Map.of("to", "awaiting-approval")).status());
        assertTrue(move(key, "chris", Map.of("to", "scheduled")).status() >= 400);
        assertEquals(200, decide("ina", pendingFor("ina", key), "approve", "Looks safe").status());
        assertEquals("awaiting-approval", ticket(key, "admin").get("status").asText());
        assertEquals(200, decide("chris", pendingFor("chris", key), "approve", null).status());
        JsonNode approved = ticket(key, "admin");
        assertEquals("approved", approved.get("status").asText());
        assertEquals(2, approved.get("approval").get("decidedBy").size());
        assertEquals(403, move(key, "ina", Map.of("to", "scheduled")).status()); // scheduling is the change manager's
        assertEquals(200, move(key, "chris", Map.of("to", "scheduled")).status());
        assertEquals(200, move(key, "ina", Map.of("to", "implementing")).status());
        Reply locked = http("PATCH", "/tickets/" + key, "ina", Map.of("version", ticket(key, "ina").get("version").asLong(),
                "fields", Map.of("rollbackPlan", "None")));
        assertEquals(locked.raw().body(), 403, locked.status()); // what the CAB approved stays as approved
    }

    @Test
    public void aStandardChangeIsPreApprovedAndAnEmergencyNeedsOneCabMemberAndAReviewAfterwards() throws Exception {
        String standard = fileChange("standard", Map.of());
        Reply submitted = move(standard, "ina", Map.of("to", "awaiting-approval"));
        assertEquals(submitted.raw().body(), 200, submitted.status());
        assertEquals("approved", submitted.body().get("status").asText());
        assertEquals("approved", submitted.body().get("approval").get("state").asText());

        String emergency = fileChange("emergency", Map.of("justification", "Actively exploited VPN flaw, see IT-1"));
        assertEquals(200, move(emergency, "ina", Map.of("to", "awaiting-approval")).status());
        assertEquals(200, decide("chris", pendingFor("chris", emergency), "approve", "Go now").status());
        assertEquals("approved", ticket(emergency, "admin").get("status").asText());
        assertEquals(200, move(emergency, "chris", Map.of("to", "scheduled")).status());
        assertEquals(200, move(emergency, "ina", Map.of("to", "implementing")).status());
        assertEquals(200, move(emergency, "ina", Map.of("to", "resolved", "resolutionCode", "successful")).status());
        // reviewed afterwards by the change manager
        JsonNode review = pendingFor("chris", emergency);
        assertEquals(200, decide("chris", review, "approve", "Reviewed in the CAB").status());
        assertEquals("closed", ticket(emergency, "admin").get("status").asText());
    }

    @Test
    public void onboardingCreatesTasksInItAndFacilityThatSeeOnlyWhatTheyNeed() throws Exception {
        Map<String, Object> fields = Map.of("newHire", "Nora Neumann", "startDate", LocalDate.now().plusDays(20).toString(),
                "role", "Sales Manager", "team", "Sales South", "notes", "Salary band 4 (confidential)",
                "equipment", List.of("laptop", "desk", "badge"));
        Reply filed = http("POST", "/tickets", "marc", Map.of("type", "hr.onboarding", "summary", "Onboarding Nora Neumann",
                "fields", fields));
        assertEquals(filed.raw().body(), 201, filed.status());
        String parent = filed.body().get("key").asText();
        assertEquals(200, decide("hanna", pendingFor("hanna", parent), "approve", null).status());
        JsonNode links = http("GET", "/tickets/" + parent + "/links", "hanna", null).body();
        List<String> it = new ArrayList<>();
        List<String> facility = new ArrayList<>();
        links.forEach(l -> (l.get("key").asText().startsWith("IT-") ? it : facility).add(l.get("key").asText()));
        assertEquals(links.toString(), 2, it.size()); // accounts and laptop
        assertEquals(links.toString(), 2, facility.size()); // desk and badge

        JsonNode task = ticket(it.get(0), "ina");
        assertEquals("Nora Neumann", task.get("fields").get("person").asText());
        assertFalse("the notes stay with HR", task.toString().contains("Salary"));
        assertTrue(task.get("fields").has("due"));
        assertEquals(404, http("GET", "/tickets/" + parent, "ina", null).status());
        assertEquals(0, http("GET", "/tickets/" + it.get(0) + "/links", "ina", null).body().size());
        assertEquals(404, http("GET", "/tickets/" + parent, "felix", null).status());
        assertEquals(403, http("GET", "/tickets/" + it.get(0), "felix", null).status());

        for (String key : it) {
            assertEquals(200, move(key, "ina", Map.of("to", "resolved", "resolutionCode", "done")).status());
        }
        assertEquals("preparing", ticket(parent, "hanna").get("status").asText());
        for (String key : facility) {
            assertEquals(200, move(key, "felix", Map.of("to", "resolved", "resolutionCode", "done")).status());
        }
        assertEquals("ready", ticket(parent, "hanna").get("status").asText());
    }

    @Test
    public void cancellingAnOnboardingCancelsItsOpenTasks() throws Exception {
        Reply filed = http("POST", "/tickets", "marc", Map.of("type", "hr.onboarding", "summary", "Onboarding Olaf",
                "fields", Map.of("newHire", "Olaf Ost", "startDate", LocalDate.now().plusDays(30).toString(), "role", "Clerk",
                        "team", "Sales North", "equipment", List.of("laptop"))));
        String parent = filed.body().get("key").asText();
        assertEquals(200, decide("hanna", pendingFor("hanna", parent), "approve", null).status());
        JsonNode links = http("GET", "/tickets/" + parent + "/links", "hanna", null).body();
        assertTrue(links.size() >= 1);
        Reply cancelled = move(parent, "hanna", Map.of("to", "cancelled"));
        assertEquals(cancelled.raw().body(), 200, cancelled.status());
        for (JsonNode link : links) {
            assertEquals("closed", ticket(link.get("key").asText(), "admin").get("statusCategory").asText());
        }
    }

    private void importPeople(String row) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase() + "/directory/people/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(PEOPLE_HEADER + row + "\n")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.body(), JSON.readTree(response.body()).get("refused").isEmpty());
    }
}
