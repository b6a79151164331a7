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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Audiences through REST in the real distribution with the demo company: who sees which types in the
 * catalog, and who may file an offboarding for whom (demo mode, platform/demo/src/main/resources/demo/people.csv: anna's manager is marc).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AudienceIT extends AtriumTestSupport {
    private static final List<String> MANAGERS_AND_HR = List.of("hr.offboarding", "hr.onboarding");
    private static final List<String> IT_STAFF = List.of("it.problem", "it.change");

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void ready() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent()
                && registry.find("hr.offboarding").isPresent() && registry.find("facility.repair").isPresent());
        waitForApi();
        waitUntil("the directory", Duration.ofSeconds(30), () -> {
            try {
                return http("GET", "/directory/people/anna", "anna", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void theCatalogShowsEachCallerTheTypesTheyMayFileInTheirLanguage() throws Exception {
        for (String language : List.of("de", "en")) {
            Map<String, JsonNode> anna = catalog("anna", language);
            assertTrue(anna.containsKey("it.incident") && anna.containsKey("hr.leave") && anna.containsKey("facility.repair"));
            for (String key : concat(MANAGERS_AND_HR, IT_STAFF)) {
                assertFalse("anna sees " + key, anna.containsKey(key));
            }
            Map<String, JsonNode> marc = catalog("marc", language);
            assertTrue(marc.keySet().containsAll(MANAGERS_AND_HR));
            assertTrue(marc.containsKey("hr.leave"));
            IT_STAFF.forEach(key -> assertFalse("marc sees " + key, marc.containsKey(key)));
            Map<String, JsonNode> hanna = catalog("hanna", language);
            assertTrue(hanna.keySet().containsAll(MANAGERS_AND_HR));
            IT_STAFF.forEach(key -> assertFalse("hanna sees " + key, hanna.containsKey(key)));
            assertTrue(catalog("ina", language).keySet().containsAll(IT_STAFF));
            assertEquals(language.equals("de") ? "Austritt (Offboarding)" : "Employee offboarding",
                    marc.get("hr.offboarding").get("name").asText());
            assertEquals(language.equals("de") ? "Neueinstellung (Onboarding)" : "New hire onboarding",
                    hanna.get("hr.onboarding").get("name").asText());
        }
    }

    /** The child types are not offered to employees; changes are also for administrators. */
    @Test
    public void childTasksAreForTheirDepartmentsAgentsAndChangesAlsoForAdministrators() throws Exception {
        waitUntil("the task types", Duration.ofSeconds(30),
                () -> registry.find("it.task").isPresent() && registry.find("facility.task").isPresent());
        for (String employee : List.of("anna", "marc", "hanna")) {
            Map<String, JsonNode> types = catalog(employee, "en");
            assertFalse(employee + " sees it.task", types.containsKey("it.task"));
            assertFalse(employee + " sees facility.task", types.containsKey("facility.task"));
        }
        Map<String, JsonNode> ina = catalog("ina", "de");
        assertEquals("IT-Aufgabe", ina.get("it.task").get("name").asText());
        assertFalse(ina.containsKey("facility.task"));
        Map<String, JsonNode> felix = catalog("felix", "en");
        assertEquals("Facility task", felix.get("facility.task").get("name").asText());
        assertFalse(felix.containsKey("it.task"));
        assertTrue(catalog("admin", "en").containsKey("it.change"));
        assertFalse(catalog("admin", "en").containsKey("it.task"));

        Reply annaTask = http("POST", "/tickets", "anna", Map.of("type", "it.task", "summary", "Laptop for me"));
        assertEquals(annaTask.raw().body(), 403, annaTask.status());
        Reply inaTask = http("POST", "/tickets", "ina", Map.of("type", "it.task", "summary", "Prepare a laptop",
                "fields", Map.of("person", "Lena Neu", "due", "2027-02-26")));
        assertEquals(inaTask.raw().body(), 201, inaTask.status());
        assertEquals("service-desk", inaTask.body().get("assignmentGroup").asText());
    }

    @Test
    public void anOffboardingIsFiledOnlyByTheLeaversManagerOrHr() throws Exception {
        Reply annaForMarc = http("POST", "/tickets", "anna", offboarding("marc"));
        assertEquals(annaForMarc.raw().body(), 403, annaForMarc.status());
        assertTrue(annaForMarc.contentType().startsWith("application/problem+json"));
        assertTrue(annaForMarc.body().get("detail").asText(), annaForMarc.body().get("detail").asText()
                .contains("the manager of the person in fields.employee"));

        Reply marcForHanna = http("POST", "/tickets", "marc", offboarding("hanna"));
        assertEquals(marcForHanna.raw().body(), 400, marcForHanna.status());
        assertTrue(marcForHanna.contentType().startsWith("application/problem+json"));
        JsonNode error = marcForHanna.body().get("errors").get(0);
        assertEquals("fields.employee", error.get("field").asText());
        assertTrue(error.get("reason").asText(), error.get("reason").asText().contains("'hanna' is not managed by marc"));
        assertEquals(1, marcForHanna.body().get("errors").size());

        Reply marcForAnna = http("POST", "/tickets", "marc", offboarding("anna"));
        assertEquals(marcForAnna.raw().body(), 201, marcForAnna.status());
        assertEquals("anna", marcForAnna.body().get("fields").get("employee").asText());
        assertEquals("marc", marcForAnna.body().get("requester").asText());
        Reply hannaForMarc = http("POST", "/tickets", "hanna", offboarding("marc"));
        assertEquals(hannaForMarc.raw().body(), 201, hannaForMarc.status());

        // the refusals stored nothing: HR's queue holds exactly the two accepted offboardings
        JsonNode queue = http("GET", "/tickets?department=hr&limit=200", "hanna", null).body().get("items");
        assertEquals(2, queue.size());
        assertEquals(200, http("GET", "/tickets/" + marcForAnna.body().get("key").asText(), "marc", null).status());
        assertEquals("confidential: the employee leaving does not see it", 404,
                http("GET", "/tickets/" + marcForAnna.body().get("key").asText(), "anna", null).status());

        Reply annaProblem = http("POST", "/tickets", "anna", Map.of("type", "it.problem", "summary", "VPN keeps failing"));
        assertEquals(annaProblem.raw().body(), 403, annaProblem.status());
    }

    private static Map<String, Object> offboarding(String employee) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("employee", employee);
        fields.put("lastDay", LocalDate.now().plusDays(30).toString());
        fields.put("accountRemoval", "on-last-day");
        return Map.of("type", "hr.offboarding", "summary", "Offboarding of " + employee, "fields", fields);
    }

    /** Department labels come from the shipped descriptors, in the caller's language, on every type of the department. */
    @Test
    public void everyTypeCarriesItsDepartmentsLabelInTheCallersLanguage() throws Exception {
        Map<String, JsonNode> german = catalog("anna", "de");
        assertEquals("Personal (HR)", german.get("hr.leave").get("departmentName").asText());
        assertEquals("Gebäudemanagement", german.get("facility.repair").get("departmentName").asText());
        assertEquals("Human resources", german.get("hr.certificate").get("departmentNames").get("en").asText());
        assertEquals("Facility management", catalog("anna", "en").get("facility.booking").get("departmentName").asText());
    }

    private Map<String, JsonNode> catalog(String user, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase() + "/catalog")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", language).GET().build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.body(), 200, answer.statusCode());
        assertEquals(language, answer.headers().firstValue("Content-Language").orElse(null));
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode type : JSON.readTree(answer.body())) {
            byKey.put(type.get("key").asText(), type);
        }
        return byKey;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
