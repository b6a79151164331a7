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
import java.util.List;

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
 * Forms that refuse nonsense, through REST in the real container: numbers that do not fit, strict
 * member types, dates, whole numbers, time ranges; and the catalog as its REST representation, in
 * German and English, without internals.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FormRulesIT extends AtriumTestSupport {

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void typesAreRegistered() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30),
                () -> registry.find("it.incident").isPresent() && registry.find("facility.booking").isPresent());
        waitForApi();
    }

    /** A meeting-room booking ten days ahead; {@code time} and {@code attendees} are raw JSON. */
    private static String booking(String time, String attendees) {
        return "{\"type\": \"facility.booking\", \"summary\": \"Team meeting\", \"fields\": {\"resource\": \"meeting-room\","
                + " \"date\": \"" + LocalDate.now().plusDays(10) + "\", \"building\": \"B2\", \"time\": " + time
                + ", \"attendees\": " + attendees + "}}";
    }

    /** Asserts a 400 problem+json that names exactly {@code field}; returns its reason. */
    private static String refused(Reply reply, String field) {
        assertEquals(reply.raw().body(), 400, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        JsonNode errors = reply.body().get("errors");
        assertEquals(reply.raw().body(), 1, errors.size());
        assertEquals(reply.raw().body(), field, errors.get(0).get("field").asText());
        return errors.get(0).get("reason").asText();
    }

    private String incident() throws Exception {
        Reply created = http("POST", "/tickets", "anna", "{\"type\": \"it.incident\", \"summary\": \"Printer jams\", "
                + "\"fields\": {\"affectedService\": \"printing\"}}");
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("key").asText();
    }

    @Test
    public void numbersThatDoNotFitAreA400NamingTheField() throws Exception {
        String slot = "{\"from\": \"09:00\", \"to\": \"10:00\"}";
        refused(http("POST", "/tickets", "anna", booking(slot, "1e400")), "fields.attendees");
        refused(http("POST", "/tickets", "anna", booking(slot, "-1e400")), "fields.attendees");
        assertTrue(refused(http("POST", "/tickets", "anna", booking(slot, "1e99999999999")), "fields.attendees").contains("does not fit"));
        String key = incident();
        assertTrue(refused(http("PATCH", "/tickets/" + key, "anna", "{\"version\": 1e400, \"summary\": \"x\"}"), "version")
                .contains("whole number"));
        refused(http("POST", "/tickets/" + key + "/transitions", "anna", "{\"to\": \"closed\", \"version\": -1e400}"), "version");
        assertEquals("nothing changed", 1, http("GET", "/tickets/" + key, "anna", null).body().get("version").asInt());
    }

    @Test
    public void membersOfTheWrongTypeAreA400NamingTheMember() throws Exception {
        assertEquals("has the wrong type: must be a string",
                refused(http("POST", "/tickets", "anna", "{\"type\": \"it.incident\", \"summary\": 5, \"fields\": {\"affectedService\": \"vpn\"}}"), "summary"));
        String key = incident();
        refused(http("POST", "/tickets/" + key + "/transitions", "anna", "{\"to\": true}"), "to");
        refused(http("PATCH", "/tickets/" + key, "anna", "{\"version\": \"1\", \"summary\": \"x\"}"), "version");
        refused(http("POST", "/tickets/" + key + "/comments", "anna", "{\"body\": \"x\", \"internal\": \"false\"}"), "internal");
    }

    @Test
    public void datesAreYearMonthDayOnly() throws Exception {
        for (String bad : new String[] {"2026-1-5", "2026-01-05T10:00:00Z", "05.01.2026"}) {
            assertTrue(refused(http("POST", "/tickets", "anna", "{\"type\": \"it.incident\", \"summary\": \"VPN\", \"fields\": "
                    + "{\"affectedService\": \"vpn\", \"since\": \"" + bad + "\"}}"), "fields.since").contains("YYYY-MM-DD"));
        }
        String yesterday = LocalDate.now().minusDays(1).toString();
        String leave = "{\"type\": \"hr.leave\", \"summary\": \"Holiday\", \"fields\": {\"kind\": \"annual\", "
                + "\"period\": {\"from\": \"" + yesterday + "\", \"to\": \"" + LocalDate.now().plusDays(3) + "\"}}}";
        assertTrue(refused(http("POST", "/tickets", "anna", leave), "fields.period").contains("past"));
    }

    @Test
    public void attendeesAreAWholeNumber() throws Exception {
        String slot = "{\"from\": \"09:00\", \"to\": \"10:00\"}";
        assertTrue(refused(http("POST", "/tickets", "anna", booking(slot, "2.5")), "fields.attendees").contains("whole number"));
        Reply booked = http("POST", "/tickets", "anna", booking(slot, "12"));
        assertEquals(booked.raw().body(), 201, booked.status());
        assertEquals(12, booked.body().get("fields").get("attendees").asInt());
    }

    @Test
    public void aTimeRangeEndsAfterItStarts() throws Exception {
        Reply booked = http("POST", "/tickets", "anna", booking("{\"from\": \"08:00\", \"to\": \"12:30\"}", "4"));
        assertEquals(booked.raw().body(), 201, booked.status());
        assertEquals("12:30", booked.body().get("fields").get("time").get("to").asText());
        assertTrue(refused(http("POST", "/tickets", "anna", booking("{\"from\": \"12:30\", \"to\": \"08:00\"}", "4")), "fields.time")
                .contains("must end after it starts"));
        assertTrue(refused(http("POST", "/tickets", "anna", booking("{\"from\": \"8:00\", \"to\": \"12:30\"}", "4")), "fields.time")
                .contains("HH:MM"));
    }

    @Test
    public void theCatalogSpeaksTheCallersLanguageAndHidesInternals() throws Exception {
        HttpResponse<String> german = catalog("de-DE,de;q=0.9,en;q=0.8");
        assertEquals(200, german.statusCode());
        assertEquals("de", german.headers().firstValue("Content-Language").orElse(null));
        JsonNode booking = entry(german, "facility.booking");
        assertEquals("Raum- oder Arbeitsplatzbuchung", booking.get("name").asText());
        assertEquals("Room or desk booking", booking.get("names").get("en").asText());
        JsonNode time = field(booking, "time");
        assertEquals("time-range", time.get("type").asText());
        assertEquals("Uhrzeit (von-bis)", time.get("label").asText());
        assertEquals("resource", time.get("shownWhen").get("field").asText());
        assertEquals("integer", field(booking, "attendees").get("type").asText());
        assertEquals("Besprechungsraum", field(booking, "resource").get("options").get(1).get("label").asText());
        JsonNode period = field(entry(german, "hr.leave"), "period");
        assertTrue(period.get("notInPast").asBoolean());
        assertEquals(366, period.get("maxDays").asInt());

        HttpResponse<String> english = catalog("fr-CH, fr;q=0.9, en;q=0.5");
        assertEquals("en", english.headers().firstValue("Content-Language").orElse(null));
        assertEquals("Room or desk booking", entry(english, "facility.booking").get("name").asText());
        assertEquals("Working days", field(entry(english, "hr.leave"), "workingDays").get("label").asText());

        HttpResponse<String> plain = catalog(null);
        assertFalse(entry(plain, "facility.booking").has("name"));
        for (HttpResponse<String> answer : List.of(german, english, plain)) {
            for (String internal : new String[] {"\"bundle\"", "\"validators\"", "\"calculators\"", "\"actions\"",
                    "\"optionSource\"", "org.atrium.", "hr.working-days"}) {
                assertFalse(internal + " in the catalog", answer.body().contains(internal));
            }
        }
    }

    private HttpResponse<String> catalog(String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase() + "/catalog")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8)));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode entry(HttpResponse<String> catalog, String key) throws Exception {
        for (JsonNode type : JSON.readTree(catalog.body())) {
            if (type.get("key").asText().equals(key)) {
                return type;
            }
        }
        throw new AssertionError(key + " is not in the catalog");
    }

    private static JsonNode field(JsonNode type, String name) {
        for (JsonNode field : type.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError(name + " is not a field of " + type.get("key"));
    }
}
