package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;

/** The process model through REST: per-type workflows, guards, field rules, comments and auto-close. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcessModelIT extends AtriumTestSupport {

    @Inject
    private RequestTypeRegistry registry;

    @Inject
    @Filter("(osgi.jndi.service.name=atrium)")
    private DataSource dataSource;

    @Before
    public void apiIsUp() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30), () -> registry.find("hr.leave").isPresent());
        waitForApi();
    }

    private static List<String> targets(JsonNode transitions) {
        List<String> to = new ArrayList<>();
        transitions.forEach(t -> to.add(t.get("to").asText()));
        return to;
    }

    private static List<String> errorFields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private Reply move(String key, String user, Map<String, Object> body) throws Exception {
        return http("POST", "/tickets/" + key + "/transitions", user, body);
    }

    @Test
    public void incidentThroughTriageWaitingForTheRequesterResolutionWithACodeAndAutoClose() throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "VPN drops every hour",
                "fields", Map.of("affectedService", "vpn")));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertEquals("open", created.body().get("statusCategory").asText());
        assertEquals(List.of("closed"), targets(http("GET", "/tickets/" + key + "/transitions", "anna", null).body()));

        assertEquals(200, move(key, "ina", Map.of("to", "in-progress")).status());
        Reply asked = move(key, "ina", Map.of("to", "waiting-for-requester"));
        assertEquals("pending", asked.body().get("statusCategory").asText());
        assertEquals(403, move(key, "marc", Map.of("to", "in-progress")).status());
        assertEquals(200, move(key, "anna", Map.of("to", "in-progress")).status());

        JsonNode resolve = null;
        for (JsonNode step : http("GET", "/tickets/" + key + "/transitions", "ina", null).body()) {
            if (step.get("to").asText().equals("resolved")) {
                resolve = step;
            }
        }
        assertTrue(resolve.get("resolutionCodeRequired").asBoolean());
        assertEquals("Behoben", resolve.get("resolutionCodes").get(0).get("labels").get("de").asText());
        Reply noCode = move(key, "ina", Map.of("to", "resolved"));
        assertEquals(400, noCode.status());
        assertEquals(List.of("resolutionCode"), errorFields(noCode));
        Reply resolved = move(key, "ina", Map.of("to", "resolved", "resolutionCode", "fixed"));
        assertEquals(resolved.raw().body(), 200, resolved.status());
        assertEquals("fixed", resolved.body().get("resolutionCode").asText());

        // the auto-close time is stored with the ticket: let it fall due, and sweep every second
        try (Connection connection = dataSource.getConnection();
             PreparedStatement due = connection.prepareStatement("UPDATE ticket SET auto_close_at = ? WHERE ticket_key = ?")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            due.setString(2, key);
            assertEquals(1, due.executeUpdate());
        }
        Dictionary<String, Object> sweep = new Hashtable<>();
        sweep.put("autoCloseSweepSeconds", 1);
        configurationAdmin.getConfiguration("org.atrium.workflow", null).update(sweep);
        waitUntil("the auto-close", Duration.ofSeconds(30), () -> {
            try {
                return "closed".equals(http("GET", "/tickets/" + key, "anna", null).body().get("status").asText());
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode history = http("GET", "/tickets/" + key + "/history", "anna", null).body();
        JsonNode last = history.get(history.size() - 1);
        assertEquals("system", last.get("actor").asText());
        assertEquals("closed", last.get("after").asText());

        Reply late = http("POST", "/tickets/" + key + "/comments", "anna", Map.of("body", "Still broken"));
        assertEquals(409, late.status());
        assertEquals("application/problem+json", late.contentType());
    }

    @Test
    public void aProblemWithTwoLinkedIncidentsIsResolvedTogether() throws Exception {
        String first = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Mail stuck in outbox",
                "fields", Map.of("affectedService", "email"))).body().get("key").asText();
        String second = http("POST", "/tickets", "marc", Map.of("type", "it.incident", "summary", "Mail delayed",
                "fields", Map.of("affectedService", "email"))).body().get("key").asText();
        Reply problem = http("POST", "/tickets", "ina", Map.of("type", "it.problem", "summary", "Mail relay queue overflows",
                "fields", Map.of()));
        assertEquals(problem.raw().body(), 201, problem.status());
        String key = problem.body().get("key").asText();

        Reply linked = http("POST", "/tickets/" + first + "/links", "ina", Map.of("type", "caused-by", "key", key));
        assertEquals(linked.raw().body(), 201, linked.status());
        assertEquals(201, http("POST", "/tickets/" + key + "/links", "ina", Map.of("type", "causes", "key", second)).status());
        assertEquals(403, http("POST", "/tickets/" + first + "/links", "anna", Map.of("type", "relates-to", "key", second)).status());
        JsonNode links = http("GET", "/tickets/" + key + "/links", "ina", null).body();
        assertEquals(2, links.size());
        assertEquals("causes", links.get(0).get("type").asText());
        assertEquals("anna does not see IT's problem", 0, http("GET", "/tickets/" + first + "/links", "anna", null).body().size());
        JsonNode history = http("GET", "/tickets/" + second + "/history", "marc", null).body();
        assertEquals("linked", history.get(history.size() - 1).get("action").asText());

        assertEquals(200, move(key, "chris", Map.of("to", "in-progress")).status());
        JsonNode offers = null;
        for (JsonNode step : http("GET", "/tickets/" + key + "/transitions", "chris", null).body()) {
            if (step.get("to").asText().equals("resolved")) {
                offers = step.get("linked");
            }
        }
        assertEquals(2, offers.size());
        assertEquals(first, offers.get(0).get("key").asText());
        Reply resolved = move(key, "chris", Map.of("to", "resolved", "resolutionCode", "root-cause-fixed", "linked", List.of(
                Map.of("key", first, "to", "resolved", "resolutionCode", "fixed"),
                Map.of("key", second, "to", "resolved", "resolutionCode", "fixed"))));
        assertEquals(resolved.raw().body(), 200, resolved.status());
        assertEquals("resolved", http("GET", "/tickets/" + first, "anna", null).body().get("status").asText());
        assertEquals("fixed", http("GET", "/tickets/" + second, "marc", null).body().get("resolutionCode").asText());

        assertEquals(204, http("DELETE", "/tickets/" + first + "/links/caused-by/" + key, "ina", null).status());
        assertEquals(1, http("GET", "/tickets/" + key + "/links", "ina", null).body().size());
    }

    /**
     * The leave request now reaches a decision only through its approval (the manager's stage), so
     * the lock on resolved tickets is shown with an incident that IT resolves.
     */
    @Test
    public void theRequesterMayNotEditATicketItHasResolved() throws Exception {
        Reply incident = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Printer jams",
                "fields", Map.of("affectedService", "printing", "details", "Paper jam on floor 2")));
        assertEquals(incident.raw().body(), 201, incident.status());
        String key = incident.body().get("key").asText();
        assertEquals(200, move(key, "ina", Map.of("to", "in-progress")).status());
        Reply resolved = move(key, "ina", Map.of("to", "resolved", "resolutionCode", "fixed"));
        assertEquals(resolved.raw().body(), 200, resolved.status());

        Reply edit = http("PATCH", "/tickets/" + key, "anna", Map.of("version", resolved.body().get("version").asLong(),
                "fields", Map.of("details", "Paper jam on floor 3")));
        assertEquals(edit.raw().body(), 403, edit.status());
        assertEquals(List.of("fields.details"), errorFields(edit));
        assertTrue(edit.body().get("errors").get(0).get("reason").asText().contains("resolved"));
        JsonNode after = http("GET", "/tickets/" + key, "anna", null).body();
        assertEquals("Paper jam on floor 2", after.get("fields").get("details").asText());
        assertEquals(resolved.body().get("version").asLong(), after.get("version").asLong());
    }

    /**
     * The shipped change workflow in the container: an administrator files a change, IT submits it to
     * the CAB, and from there only the approval leads on, so no agent finds a way to implementation.
     */
    @Test
    public void anAgentFindsNoWayPastTheCabToImplementation() throws Exception {
        waitUntil("the IT types", Duration.ofSeconds(30), () -> registry.find("it.change").isPresent());
        assertEquals(List.of("awaiting-approval", "resolved"),
                registry.find("it.change").orElseThrow().approvals().stream().map(p -> p.state()).toList());
        Reply filed = http("POST", "/tickets", "admin", Map.of("type", "it.change", "summary", "Upgrade the mail server",
                "fields", Map.of("changeType", "normal", "risk", "medium",
                        "implementationWindow", Map.of("from", "2027-03-01", "to", "2027-03-02"),
                        "affectedServices", List.of("email"), "testPlan", "On staging first", "rollbackPlan", "Restore the snapshot")));
        assertEquals(filed.raw().body(), 201, filed.status());
        String key = filed.body().get("key").asText();
        assertEquals(200, move(key, "ina", Map.of("to", "in-progress")).status());
        assertEquals(List.of("awaiting-approval", "closed"), targets(http("GET", "/tickets/" + key + "/transitions", "chris", null).body())
                .stream().filter(to -> !to.equals("in-progress")).sorted().toList());
        assertEquals(200, move(key, "ina", Map.of("to", "awaiting-approval")).status());
        for (String agent : List.of("ina", "chris")) {
            JsonNode transitions = http("GET", "/tickets/" + key + "/transitions", agent, null).body();
            List<String> steps = targets(transitions);
            for (String past : List.of("scheduled", "implementing", "resolved")) {
                assertFalse(agent + " may move to " + past + ": " + steps, steps.contains(past));
            }
            // both are on the CAB, so approvers of this ticket: the approval's own move is listed for them, blocked until it is decided
            transitions.forEach(t -> assertFalse(agent + " may move to approved before the CAB decided: " + t,
                    t.get("to").asText().equals("approved") && t.path("blockedBy").isEmpty()));
            assertFalse(move(key, agent, Map.of("to", "implementing")).status() == 200);
            assertFalse(move(key, agent, Map.of("to", "approved")).status() == 200);
        }
        assertEquals("awaiting-approval", http("GET", "/tickets/" + key, "ina", null).body().get("status").asText());
    }

    @Test
    public void aWorkflowChangeInABundleUpdateLeavesOpenTicketsOnTheirs() throws Exception {
        Bundle bundle = bundleContext.installBundle("atrium-test:flow",
                new ByteArrayInputStream(TestBundles.descriptorBundle("org.atrium.test.flow", "1.0.0",
                        Map.of("flow.json", flow(1, "")))));
        bundle.start();
        waitUntil("version 1", Duration.ofSeconds(10), () -> registry.find("it.lab-flow").map(t -> t.schemaVersion() == 1).orElse(false));
        Reply old = http("POST", "/tickets", "anna", Map.of("type", "it.lab-flow", "summary", "Calibrate"));
        assertEquals(old.raw().body(), 201, old.status());
        String oldKey = old.body().get("key").asText();

        // same schemaVersion, other content: refused, version 1 stays
        bundle.update(new ByteArrayInputStream(TestBundles.descriptorBundle("org.atrium.test.flow", "1.0.1",
                Map.of("flow.json", flow(1, REVIEW)))));
        waitUntil("the refusal", Duration.ofSeconds(10), () -> registry.refused().stream()
                .anyMatch(r -> r.bundle().equals("org.atrium.test.flow") && r.field().equals("schemaVersion")));
        assertTrue(registry.find("it.lab-flow").isEmpty());

        bundle.update(new ByteArrayInputStream(TestBundles.descriptorBundle("org.atrium.test.flow", "2.0.0",
                Map.of("flow.json", flow(2, REVIEW)))));
        waitUntil("version 2", Duration.ofSeconds(10), () -> registry.find("it.lab-flow").map(t -> t.schemaVersion() == 2).orElse(false));
        Reply fresh = http("POST", "/tickets", "anna", Map.of("type", "it.lab-flow", "summary", "Calibrate again"));
        String freshKey = fresh.body().get("key").asText();

        assertEquals(List.of("done"), targets(http("GET", "/tickets/" + oldKey + "/transitions", "ina", null).body()));
        assertEquals(List.of("review"), targets(http("GET", "/tickets/" + freshKey + "/transitions", "ina", null).body()));
        assertEquals(200, move(oldKey, "ina", Map.of("to", "done")).status());
        assertEquals(409, move(freshKey, "ina", Map.of("to", "done")).status());
        assertEquals(200, move(freshKey, "ina", Map.of("to", "review")).status());
        bundle.uninstall();
    }

    private static final String REVIEW = """
            {"key": "review", "category": "in-progress", "names": {"de": "Prüfung", "en": "Review"}},
            """;

    /** A lab type with its own workflow: open -> done, or (with the review state) open -> review -> done. */
    private static String flow(int version, String review) {
        String steps = review.isEmpty()
                ? "{\"from\": [\"open\"], \"to\": \"done\", \"names\": {\"de\": \"Fertig\", \"en\": \"Done\"}, \"by\": [\"agents\"]}"
                : "{\"from\": [\"open\"], \"to\": \"review\", \"names\": {\"de\": \"Prüfen\", \"en\": \"Review\"}, \"by\": [\"agents\"]},"
                        + "{\"from\": [\"review\"], \"to\": \"done\", \"names\": {\"de\": \"Fertig\", \"en\": \"Done\"}, \"by\": [\"agents\"]}";
        return """
                {"key": "it.lab-flow", "department": "it", "category": "task", "keyPrefix": "IT", "schemaVersion": %d,
                 "names": {"de": "Laborauftrag", "en": "Lab job"},
                 "workflow": {"initial": "open", "states": [
                   {"key": "open", "category": "open", "names": {"de": "Offen", "en": "Open"}},
                   %s
                   {"key": "done", "category": "closed", "names": {"de": "Fertig", "en": "Done"}}],
                  "transitions": [%s]}}
                """.formatted(version, review, steps);
    }
}
