package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The directory through REST in the real distribution, with the demo company of demo mode (platform/demo: people.csv). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DirectoryIT extends AtriumTestSupport {
    private static final String HEADER = "id,displayName,email,language,department,manager,country,region,roles,active,"
            + "outOfOfficeDelegate,outOfOfficeFrom,outOfOfficeUntil\n";

    @Inject
    private RequestTypeRegistry registry;

    @Inject
    private SessionFactory sessionFactory;

    @Before
    public void ready() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30),
                () -> registry.find("it.incident").isPresent() && registry.find("hr.leave").isPresent());
        waitForApi();
        waitUntil("the directory API", Duration.ofSeconds(30), () -> {
            try {
                return http("GET", "/me", "anna", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void meForEveryDemoUser() throws Exception {
        Map<String, List<String>> departments = Map.of("anna", List.of(), "marc", List.of(), "ina", List.of("it"),
                "chris", List.of("it"), "hanna", List.of("hr"), "felix", List.of("facility"), "admin", List.of());
        Map<String, String> states = Map.of("anna", "DE-BY", "marc", "DE-BY", "ina", "DE-BE", "chris", "DE-BE",
                "hanna", "DE-BY", "felix", "DE-HH", "admin", "DE-BE");
        for (String user : departments.keySet()) {
            Reply me = http("GET", "/me", user, null);
            assertEquals(user + ": " + me.raw().body(), 200, me.status());
            assertEquals(user, me.body().get("user").asText());
            assertEquals(user, departments.get(user), texts(me.body().get("departments")));
            assertTrue(user, texts(me.body().get("roles")).contains("employee"));
            assertEquals(user, user.equals("admin"), me.body().get("admin").asBoolean());
            JsonNode person = me.body().get("person");
            assertEquals(user, person.get("id").asText());
            assertEquals(user, states.get(user), person.get("region").asText());
            assertEquals("DE", person.get("country").asText());
        }
        JsonNode anna = http("GET", "/me", "anna", null).body().get("person");
        assertEquals("marc", anna.get("manager").asText());
        JsonNode marc = http("GET", "/me", "marc", null).body().get("person");
        assertEquals("chris", marc.get("outOfOffice").get("delegate").asText());
        assertEquals("2026-12-21", marc.get("outOfOffice").get("from").asText());
    }

    @Test
    public void employeesSearchColleaguesWithoutSeeingTheirRoles() throws Exception {
        Reply found = http("GET", "/directory/people?q=CHR", "anna", null);
        assertEquals(found.raw().body(), 200, found.status());
        assertEquals(List.of("chris"), ids(found.body()));
        JsonNode chris = found.body().get(0);
        assertEquals("Chris Conrad", chris.get("displayName").asText());
        assertEquals("it", chris.get("department").asText());
        assertNull("a colleague's roles are not shown", chris.get("roles"));
        assertNull(chris.get("region"));
        assertEquals("admins see the details", "DE-BE",
                http("GET", "/directory/people/chris", "admin", null).body().get("region").asText());
        assertEquals(2, http("GET", "/directory/people?limit=2", "anna", null).body().size());
        assertEquals(List.of(), ids(http("GET", "/directory/people?q=100%25", "anna", null).body()));
        Reply badLimit = http("GET", "/directory/people?limit=many", "anna", null);
        assertEquals(400, badLimit.status());
        assertEquals("limit", badLimit.body().get("errors").get(0).get("field").asText());
        assertEquals(400, http("GET", "/directory/people?limit=1000", "anna", null).status());
        assertEquals(404, http("GET", "/directory/people/nobody", "anna", null).status());
        assertEquals(401, http("GET", "/directory/people", null, null).status());
    }

    @Test
    public void adminImportsCsvWithBadRowsAndAnnaMayNot() throws Exception {
        String csv = HEADER
                + "paula,Paula Profi,paula@example.com,de,hr,hanna,DE,DE-NW,employee;agent-hr,true,,,\n"
                + "bad1,Bad Language,,fr,hr,,DE,DE-BY,employee,true,,,\n"
                + "bad2,Bad Manager,,de,hr,nobody,DE,DE-BY,employee,true,,,\n"
                + "rolf,Rolf Retired,,de,hr,,DE,DE-BY,employee;agent-hr,false,,,\n";
        assertEquals(403, postCsv("anna", csv).status());
        assertEquals("anna's refused import stored nothing", 404, http("GET", "/directory/people/paula", "admin", null).status());

        Reply first = postCsv("admin", csv);
        assertEquals(first.raw().body(), 200, first.status());
        assertEquals(List.of("paula", "rolf"), texts(first.body().get("created")));
        JsonNode refused = first.body().get("refused");
        assertEquals(2, refused.size());
        assertEquals(3, refused.get(0).get("line").asInt());
        assertEquals("language", refused.get(0).get("column").asText());
        assertEquals(4, refused.get(1).get("line").asInt());
        assertEquals("manager", refused.get(1).get("column").asText());

        Reply again = postCsv("admin", csv);
        assertEquals(List.of(), texts(again.body().get("created")));
        assertEquals(List.of(), texts(again.body().get("updated")));
        assertEquals(List.of("paula", "rolf"), texts(again.body().get("unchanged")));

        Reply malformed = postCsv("admin", "name;mail\nx;y\n");
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));
        assertEquals("file", malformed.body().get("errors").get(0).get("field").asText());

        // the imported people take part at once: paula is an HR agent, rolf is inactive
        assertEquals("DE-NW", http("GET", "/directory/people/paula", "admin", null).body().get("region").asText());
        assertEquals(List.of(), ids(http("GET", "/directory/people?q=rolf", "anna", null).body()));
    }

    @Test
    public void assignmentOnlyToActiveAgentsOfTheDepartment() throws Exception {
        Reply incident = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Printer on fire",
                "fields", Map.of("affectedService", "vpn")));
        assertEquals(incident.raw().body(), 201, incident.status());
        String key = incident.body().get("key").asText();
        long version = incident.body().get("version").asLong();
        for (String wrong : List.of("hanna", "anna", "nobody")) {
            Reply refused = http("PATCH", "/tickets/" + key, "ina", Map.of("version", version, "assignee", wrong));
            assertEquals(wrong + ": " + refused.raw().body(), 400, refused.status());
            assertEquals("assignee", refused.body().get("errors").get(0).get("field").asText());
        }
        Reply mine = http("PATCH", "/tickets/" + key, "ina", Map.of("version", version, "assignee", "me"));
        assertEquals(mine.raw().body(), 200, mine.status());
        assertEquals("ina", mine.body().get("assignee").asText());
        Reply chris = http("PATCH", "/tickets/" + key, "ina", Map.of("version", mine.body().get("version").asLong(), "assignee", "chris"));
        assertEquals("chris", chris.body().get("assignee").asText());
    }

    @Test
    public void personFieldsAndLeaveUseTheDirectory() throws Exception {
        Map<String, Object> fields = Map.of("kind", "annual", "period", Map.of("from", "2026-12-21", "to", "2026-12-31"),
                "deputy", "nobody");
        Reply unknown = http("POST", "/tickets", "hanna", Map.of("type", "hr.leave", "summary", "Christmas", "fields", fields));
        assertEquals(unknown.raw().body(), 400, unknown.status());
        assertEquals("fields.deputy", unknown.body().get("errors").get(0).get("field").asText());
        Reply oldForm = http("POST", "/tickets", "hanna", Map.of("type", "hr.leave", "summary", "Christmas",
                "fields", Map.of("kind", "annual", "state", "DE-BY", "period", Map.of("from", "2026-12-21", "to", "2026-12-31"))));
        assertEquals("the form no longer asks for the state", 400, oldForm.status());
        // felix works in Hamburg: 21 to 31 Dec 2026 has 9 weekdays, less Christmas Day (Boxing Day is a Saturday)
        Reply felix = http("POST", "/tickets", "felix", Map.of("type", "hr.leave", "summary", "Christmas",
                "fields", Map.of("kind", "annual", "period", Map.of("from", "2026-12-21", "to", "2026-12-31"), "deputy", "anna")));
        assertEquals(felix.raw().body(), 201, felix.status());
        assertEquals(8, felix.body().get("fields").get("workingDays").asInt());
        assertEquals("version 5: the state left the form in 2, routing came in 3, the manager's approval in 4, service levels in 5", 5,
                felix.body().get("typeVersion").asInt());
        assertFalse(felix.body().get("fields").has("state"));
    }

    @Test
    public void consoleListsPeople() throws Exception {
        String[] printed = new String[1];
        waitUntil("atrium:people", Duration.ofSeconds(30), () -> {
            try {
                printed[0] = runCommand("atrium:people chr");
                return printed[0].contains("chris");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(printed[0], printed[0].contains("Chris Conrad") && printed[0].contains("DE-BE") && printed[0].contains("agent-it"));
        assertFalse(printed[0], printed[0].contains("anna"));
    }

    /** Runs a Karaf console command as the console would and returns what it printed. */
    private String runCommand(String command) throws Exception {
        return KarafConsole.run(sessionFactory, command);
    }

    private Reply postCsv(String user, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase() + "/directory/people/import"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> ids(JsonNode people) {
        List<String> ids = new ArrayList<>();
        people.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
