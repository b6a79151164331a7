package org.atrium.itests;

import static org.atrium.itests.RestAssertions.assertProblemAt;
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
import java.time.ZoneId;
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

/**
 * The KPIs through REST (JSON and CSV) and the console in the real distribution: an incident filed,
 * worked, resolved and rated shows in IT's figures of today; employees get 403, HR's agent sees HR's
 * figures only. (The figures themselves, against hand-computed fixtures, are proven by KpiComputationTest.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KpiIT extends AtriumTestSupport {
    static final String CSV_HEADER_START = "period_start,department,type,priority,opened,resolved,";

    @Inject
    private RequestTypeRegistry registry;

    @Inject
    private SessionFactory sessionFactory;

    @Before
    public void ready() throws Exception {
        waitUntil("the IT types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent());
        waitForApi();
        waitUntil("the KPI resource", Duration.ofSeconds(30), () -> {
            try {
                return http("GET", "/kpis?department=it", "ina", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** An incident on a service of its own, moved to in-progress and resolved by ina, rated 5 by anna. */
    private String resolvedAndRatedIncident(String service) throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "KPI trouble with " + service,
                "impact", "medium", "urgency", "medium", "fields", Map.of("affectedService", service)));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertEquals(200, http("POST", "/tickets/" + key + "/transitions", "ina", Map.of("to", "in-progress")).status());
        Reply resolved = http("POST", "/tickets/" + key + "/transitions", "ina", Map.of("to", "resolved", "resolutionCode", "fixed"));
        assertEquals(resolved.raw().body(), 200, resolved.status());
        Reply rated = http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", 5));
        assertEquals(rated.raw().body(), 200, rated.status());
        return key;
    }

    @Test
    public void anAgentReadsTheirDepartmentsKpisAsJsonWithoutTicketKeys() throws Exception {
        String key = resolvedAndRatedIncident("telephony");
        resolvedAndRatedIncident("telephony");
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        Reply reply = http("GET", "/kpis?department=it&type=it.incident&period=day&from=" + today + "&to=" + today, "ina", null);
        assertEquals(reply.raw().body(), 200, reply.status());
        JsonNode report = reply.body();
        assertEquals("day", report.get("period").asText());
        assertEquals("Europe/Berlin", report.get("zone").asText());
        long resolved = 0;
        long ratings = 0;
        for (JsonNode row : report.get("rows")) {
            assertEquals(today, row.get("periodStart").asText());
            assertEquals("it", row.get("department").asText());
            resolved += row.get("resolved").asLong();
            ratings += row.get("ratings").asLong();
            if (row.get("resolved").asLong() > 0) {
                assertTrue(row.toString(), row.get("mttrWallSeconds").isNumber());
                assertEquals(row.toString(), 1.0, row.get("firstTimeFixRate").asDouble(), 0.0001);
            }
        }
        assertTrue(report.toString(), resolved >= 2 && ratings >= 2);
        JsonNode vpn = null;
        for (JsonNode service : report.get("mtbf")) {
            vpn = "telephony".equals(service.get("service").asText()) ? service : vpn;
        }
        assertTrue(report.toString(), vpn != null && vpn.get("incidents").asLong() == 2 && vpn.get("mtbfSeconds").isNumber());
        assertFalse("aggregates only", reply.raw().body().contains(key));
    }

    @Test
    public void theSameReportComesAsCsvByAcceptHeaderAndByPath() throws Exception {
        resolvedAndRatedIncident("email");
        HttpResponse<String> byAccept = raw("/kpis?department=it&period=week", "ina", "text/csv");
        assertEquals(byAccept.body(), 200, byAccept.statusCode());
        assertTrue(byAccept.headers().firstValue("Content-Type").orElse(""), byAccept.headers().firstValue("Content-Type").orElse("")
                .startsWith("text/csv"));
        String[] lines = byAccept.body().split("\r\n");
        assertTrue(byAccept.body(), lines[0].startsWith(CSV_HEADER_START) && lines.length >= 2);
        assertEquals(lines[0], lines[0].split(",").length, lines[1].split(",", -1).length);
        HttpResponse<String> byPath = raw("/kpis.csv?department=it&period=week", "ina", "*/*");
        assertEquals(byPath.body(), 200, byPath.statusCode());
        assertTrue(byPath.body(), byPath.body().startsWith(CSV_HEADER_START));
        HttpResponse<String> refused = raw("/kpis.csv?period=year", "ina", "*/*");
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    public void employeesGetForbiddenAndAnotherDepartmentsAgentSeesOnlyTheirOwn() throws Exception {
        resolvedAndRatedIncident("printing");
        Reply anna = http("GET", "/kpis", "anna", null);
        assertEquals(anna.raw().body(), 403, anna.status());
        assertTrue(anna.contentType(), anna.contentType().startsWith("application/problem+json"));
        assertEquals(403, http("GET", "/kpis?department=it", "anna", null).status());
        Reply hanna = http("GET", "/kpis", "hanna", null);
        assertEquals(hanna.raw().body(), 200, hanna.status());
        assertEquals(List.of("hr"), strings(hanna.body().get("departments")));
        for (JsonNode row : hanna.body().get("rows")) {
            assertEquals("hr", row.get("department").asText());
        }
        assertEquals(403, http("GET", "/kpis?department=it", "hanna", null).status());
        Reply admin = http("GET", "/kpis", "admin", null);
        assertEquals(admin.raw().body(), 200, admin.status());
        assertTrue(admin.body().toString(), strings(admin.body().get("departments")).containsAll(List.of("it", "hr", "facility")));
    }

    @Test
    public void parametersAreReadStrictly() throws Exception {
        assertProblemAt(http("GET", "/kpis?department=it&color=blue", "ina", null), "color");
        assertProblemAt(http("GET", "/kpis?department=it&from=yesterday", "ina", null), "from");
        assertProblemAt(http("GET", "/kpis?department=it&from=2026-03-02&to=2026-03-01", "ina", null), "to");
        assertProblemAt(http("GET", "/kpis?department=it&period=year", "ina", null), "period");
        assertProblemAt(http("GET", "/kpis?department=it&priority=P7", "ina", null), "priority");
        assertProblemAt(http("GET", "/kpis?department=it&department=hr", "ina", null), "department");
        assertProblemAt(http("GET", "/kpis?department=nosuch", "admin", null), "department");
    }

    @Test
    public void theConsolePrintsTheKpisAsATable() throws Exception {
        resolvedAndRatedIncident("erp");
        String table = KarafConsole.run(sessionFactory, "atrium:kpis --department it --period month");
        assertTrue(table, table.contains("MTTR wall") && table.contains("it.incident") && table.contains("Backlog now"));
        Exception refused = org.junit.Assert.assertThrows(Exception.class, () -> KarafConsole.run(sessionFactory, "atrium:kpis --period year"));
        assertEquals("CommandException", refused.getClass().getSimpleName());
        assertTrue(refused.getMessage(), refused.getMessage().contains("period"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A GET with an Accept header, the body as text (CSV is not JSON). */
    private HttpResponse<String> raw(String path, String user, String accept) throws Exception {
        String credentials = user + ":" + user;
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
