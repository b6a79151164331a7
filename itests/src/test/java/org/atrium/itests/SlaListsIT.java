package org.atrium.itests;

import static org.atrium.itests.RestAssertions.assertProblemAt;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
 * The SLA views through REST and the console in the real distribution: the queue in SLA order with
 * its cursor, the ticket's slaDueAt, the at-risk and breach lists with their checks, atrium:sla.
 * (What the lists contain, at known times and calendars, is proven by SlaListsTest in core.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SlaListsIT extends AtriumTestSupport {

    @Inject
    private RequestTypeRegistry registry;

    @Inject
    private SessionFactory sessionFactory;

    @Before
    public void ready() throws Exception {
        waitUntil("the IT types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent());
        waitForApi();
        waitUntil("the SLA resource", Duration.ofSeconds(30), () -> {
            try {
                return http("GET", "/sla/at-risk?department=it", "ina", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private JsonNode incident(String service) throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Trouble with " + service,
                "impact", "medium", "urgency", "medium", "fields", Map.of("affectedService", service)));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body();
    }

    /** The queue's page and the single read carry the warning time of the clock that gives slaDueAt (75 % of its target). */
    @Test
    public void theQueueAndTheTicketCarryTheWarningOfTheClockThatIsDueFirst() throws Exception {
        JsonNode ticket = incident("vpn");
        String key = ticket.get("key").asText();
        JsonNode read = http("GET", "/tickets/" + key, "ina", null).body();
        assertFalse(read.toString(), read.get("slaWarnAt").isNull());
        JsonNode first = null;
        for (JsonNode clock : http("GET", "/tickets/" + key + "/sla", "ina", null).body()) {
            if (clock.get("dueAt").asText().equals(read.get("slaDueAt").asText())) {
                first = clock;
            }
        }
        assertTrue("a clock gives slaDueAt", first != null);
        assertEquals(first.get("warnAt").asText(), read.get("slaWarnAt").asText());
        boolean listed = false;
        for (JsonNode item : http("GET", "/tickets?department=it&sort=sla&limit=200", "ina", null).body().get("items")) {
            if (item.get("key").asText().equals(key)) {
                assertEquals(read.get("slaWarnAt").asText(), item.get("slaWarnAt").asText());
                listed = true;
            }
        }
        assertTrue(listed);
    }

    @Test
    public void theQueueInSlaOrderPagesWithItsCursor() throws Exception {
        JsonNode ticket = incident("vpn");
        incident("email");
        incident("printing");
        assertFalse("the shipped incident's clocks run: " + ticket, ticket.get("slaDueAt").isNull());
        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = http("GET", "/tickets?department=it&sort=sla&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), "ina", null);
            assertEquals(page.raw().body(), 200, page.status());
            page.body().get("items").forEach(item -> keys.add(item.get("key").asText()));
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
            assertTrue("paging ends", ++pages < 500);
        } while (cursor != null);
        assertEquals("no ticket twice", keys.size(), keys.stream().distinct().count());
        assertTrue(keys.toString(), keys.contains(ticket.get("key").asText()));
        String byCreation = http("GET", "/tickets?department=it&sort=created&limit=1", "ina", null).body().get("nextCursor").asText();
        assertProblemAt(http("GET", "/tickets?department=it&sort=sla&cursor=" + byCreation, "ina", null), "cursor");
    }

    @Test
    public void theListsAreForTheDepartmentsAgentsAndAdministratorsAndReadTheirParametersStrictly() throws Exception {
        String key = incident("email").get("key").asText();
        Reply atRisk = http("GET", "/sla/at-risk?department=it&limit=200", "ina", null);
        assertEquals(atRisk.raw().body(), 200, atRisk.status());
        List<String> keys = new ArrayList<>();
        atRisk.body().forEach(entry -> keys.add(entry.get("ticketKey").asText()));
        assertTrue("the new incident's clocks run: " + atRisk.raw().body(), keys.contains(key));
        JsonNode first = atRisk.body().get(0);
        assertTrue(first.toString(), first.has("remaining") && first.has("dueAt") && first.has("summary") && first.has("clock"));
        assertEquals(200, http("GET", "/sla/breaches?department=it&from=2026-01-01", "admin", null).status());
        Reply anna = http("GET", "/sla/at-risk?department=it", "anna", null);
        assertEquals(anna.raw().body(), 403, anna.status());
        assertTrue(anna.contentType().startsWith("application/problem+json"));
        assertEquals(403, http("GET", "/sla/breaches?department=it", "hanna", null).status());
        assertProblemAt(http("GET", "/sla/at-risk", "ina", null), "department");
        assertProblemAt(http("GET", "/sla/at-risk?department=it&limit=0", "ina", null), "limit");
        assertProblemAt(http("GET", "/sla/at-risk?department=it&limit=many", "ina", null), "limit");
        assertProblemAt(http("GET", "/sla/at-risk?department=it&from=2026-01-01", "ina", null), "from");
        assertProblemAt(http("GET", "/sla/breaches?department=it&from=yesterday", "ina", null), "from");
        assertProblemAt(http("GET", "/sla/breaches?department=it&from=2026-03-02&to=2026-03-01", "ina", null), "to");
        assertProblemAt(http("GET", "/sla/breaches?department=it&department=hr", "ina", null), "department");
        assertProblemAt(http("GET", "/sla/at-risk?department=nosuch", "admin", null), "department");
    }

    @Test
    public void theConsoleListsADepartmentsClocksAtRiskAndItsBreaches() throws Exception {
        incident("vpn"); // the shipped incident's clocks start at creation
        String atRisk = runCommand("atrium:sla it");
        assertTrue(atRisk, atRisk.contains("Remaining") && atRisk.contains("first-response"));
        String breaches = runCommand("atrium:sla --breaches --from 2026-01-01 --to 2026-01-02 it");
        assertTrue(breaches, breaches.contains("Breached") && breaches.contains("No breaches in the period."));
        // a user mistake is a Karaf CommandException: the console prints its message as one line, without a stack trace
        Exception refused = org.junit.Assert.assertThrows(Exception.class, () -> runCommand("atrium:sla --limit 0 it"));
        assertEquals("CommandException", refused.getClass().getSimpleName());
        assertTrue(refused.getMessage(), refused.getMessage().contains("limit: must be between 1 and 200"));
    }

    /** Runs a Karaf console command as the console would and returns what it printed. */
    private String runCommand(String command) throws Exception {
        return KarafConsole.run(sessionFactory, command);
    }
}
