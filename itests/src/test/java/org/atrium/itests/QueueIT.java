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

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Assignment groups and queues through REST in the real distribution: the shipped incident's routing,
 * the demo groups (demo mode creates them, platform/demo: groups-*.properties), group changes by PATCH, and the queue's filters.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QueueIT extends AtriumTestSupport {

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void ready() throws Exception {
        waitUntil("the IT types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent());
        waitForApi();
        waitUntil("the groups", Duration.ofSeconds(30), () -> {
            try {
                Reply groups = http("GET", "/directory/groups?department=it", "anna", null);
                return groups.status() == 200 && groups.body().size() == 3;
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

    private Reply patch(String user, JsonNode ticket, Map<String, Object> changes) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(changes);
        body.put("version", ticket.get("version").asLong());
        return http("PATCH", "/tickets/" + ticket.get("key").asText(), user, body);
    }

    private static List<String> keys(Reply page) {
        List<String> keys = new ArrayList<>();
        page.body().get("items").forEach(item -> keys.add(item.get("key").asText()));
        return keys;
    }

    @Test
    public void routesNewIncidentsToTheDemoGroups() throws Exception {
        assertEquals("network", incident("vpn").get("assignmentGroup").asText());
        assertEquals("network", incident("telephony").get("assignmentGroup").asText());
        assertEquals("workplace", incident("printing").get("assignmentGroup").asText());
        assertEquals("service-desk", incident("email").get("assignmentGroup").asText());

        Reply groups = http("GET", "/directory/groups?department=it", "anna", null);
        JsonNode network = groups.body().get(0);
        assertEquals("network", network.get("key").asText());
        assertEquals("Netzwerk und Telefonie", network.get("names").get("de").asText());
        assertTrue(network.get("members").toString(), network.get("members").toString().contains("chris"));
        assertProblemAt(http("GET", "/directory/groups?dept=it", "anna", null), "dept");
    }

    @Test
    public void groupAssignmentIsRefusedForANonMember() throws Exception {
        JsonNode ticket = incident("email"); // service-desk: ina only
        Reply chris = patch("ina", ticket, Map.of("assignee", "chris"));
        assertProblemAt(chris, "assignee");
        assertTrue(chris.raw().body(), chris.raw().body().contains("service-desk"));
        assertProblemAt(patch("ina", ticket, Map.of("assignmentGroup", "hr-services")), "assignmentGroup");
        assertEquals("no refusal changed anything", ticket.get("version").asLong(),
                http("GET", "/tickets/" + ticket.get("key").asText(), "ina", null).body().get("version").asLong());

        Reply moved = patch("ina", ticket, Map.of("assignmentGroup", "network", "assignee", "chris"));
        assertEquals(moved.raw().body(), 200, moved.status());
        assertEquals("network", moved.body().get("assignmentGroup").asText());
        assertEquals("chris", moved.body().get("assignee").asText());
        // the requester may not move her ticket between groups (a field rule): 403
        assertEquals(403, patch("anna", moved.body(), Map.of("assignmentGroup", "service-desk")).status());
        Reply history = http("GET", "/tickets/" + ticket.get("key").asText() + "/history", "ina", null);
        assertTrue(history.raw().body(), history.raw().body().contains("\"field\":\"assignmentGroup\""));
    }

    @Test
    public void filtersAndSortsTheQueue() throws Exception {
        JsonNode vpn = incident("vpn");
        JsonNode assigned = incident("vpn");
        JsonNode mail = incident("email");
        assertEquals(200, patch("chris", assigned, Map.of("assignee", "me")).status());
        String key = vpn.get("key").asText();

        List<String> unassignedNetwork = keys(http("GET", "/tickets?department=it&group=network&unassigned=true&limit=200", "ina", null));
        assertTrue(unassignedNetwork.toString(), unassignedNetwork.contains(key));
        assertFalse(unassignedNetwork.contains(assigned.get("key").asText()));
        assertFalse(unassignedNetwork.contains(mail.get("key").asText()));
        List<String> mine = keys(http("GET", "/tickets?assignee=me&group=network&limit=200", "chris", null));
        assertTrue(mine.toString(), mine.contains(assigned.get("key").asText()));
        assertFalse(mine.contains(key));
        assertTrue(keys(http("GET", "/tickets?department=it&status=new&status=in-progress&limit=200", "ina", null)).contains(key));
        assertTrue(keys(http("GET", "/tickets?department=it&status=new,in-progress&category=open&limit=200", "ina", null)).contains(key));
        assertFalse(keys(http("GET", "/tickets?department=it&category=pending,resolved&limit=200", "ina", null)).contains(key));
        assertEquals(mail.get("key").asText(), keys(http("GET", "/tickets?department=it&sort=-created&limit=1", "ina", null)).get(0));

        // paging with a cursor keeps the sort
        Reply first = http("GET", "/tickets?department=it&sort=created&limit=2", "ina", null);
        String cursor = first.body().get("nextCursor").asText();
        Reply second = http("GET", "/tickets?department=it&sort=created&limit=2&cursor=" + cursor, "ina", null);
        assertEquals(second.raw().body(), 200, second.status());
        assertFalse(keys(second).contains(keys(first).get(1)));
        assertProblemAt(http("GET", "/tickets?department=it&sort=-created&limit=2&cursor=" + cursor, "ina", null), "cursor");

        assertProblemAt(http("GET", "/tickets?stauts=new", "ina", null), "stauts");
        assertProblemAt(http("GET", "/tickets?sort=age", "ina", null), "sort");
        assertProblemAt(http("GET", "/tickets?category=waiting", "ina", null), "category");
        assertProblemAt(http("GET", "/tickets?group=nobody", "ina", null), "group");
        assertProblemAt(http("GET", "/tickets?unassigned=yes", "ina", null), "unassigned");
        assertProblemAt(http("GET", "/tickets?department=it&department=hr", "ina", null), "department");
    }
}
