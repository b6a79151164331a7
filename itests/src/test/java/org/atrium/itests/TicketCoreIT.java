package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketService;
import org.junit.Before;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The ticket core through its OSGi service and through the REST API, in the real container. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketCoreIT extends AtriumTestSupport {

    @Inject
    private TicketService tickets;

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void typesAreRegistered() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30),
                () -> registry.find("it.incident").isPresent() && registry.find("facility.repair").isPresent());
        waitForApi();
    }

    @Test
    public void createsAndReadsATicketThroughTheOsgiService() {
        Caller anna = Caller.of("anna", "employee");
        Ticket created = tickets.create(anna, new NewTicket("it.incident", "VPN drops every hour", "Since Monday",
                "high", "high", Map.of("affectedService", "vpn")));
        assertTrue(created.key(), created.key().matches("IT-\\d+"));
        assertEquals(Priority.P1, created.priority());
        assertEquals("new", created.status());
        assertEquals(created, tickets.get(anna, created.key()));
    }

    @Test
    public void postsTicketEventsForSubscribers() throws Exception {
        List<Event> received = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> subscription = bundleContext.registerService(EventHandler.class, received::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "atrium/ticket/*")));
        try {
            Ticket created = tickets.create(Caller.of("anna", "employee"), new NewTicket("it.incident", "Mail is slow", null,
                    null, null, Map.of("affectedService", "email")));
            tickets.transition(Caller.of("ina", "agent-it"), created.key(), "in-progress", null);
            waitUntil("two events", Duration.ofSeconds(10), () -> received.size() >= 2);
            assertEquals("atrium/ticket/CREATED", received.get(0).getTopic());
            assertEquals(created.key(), received.get(0).getProperty("key"));
            assertEquals("atrium/ticket/TRANSITIONED", received.get(1).getTopic());
            assertEquals("in-progress", received.get(1).getProperty("to"));
            assertEquals("ina", received.get(1).getProperty("actor"));
        } finally {
            subscription.unregister();
        }
    }

    @Test
    public void createsReadsListsCommentsAndTransitionsOverHttp() throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Printer on floor 3 jams",
                "impact", "low", "urgency", "medium", "fields", Map.of("affectedService", "printing")));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith("/api/v1/tickets/" + key));
        assertEquals("P4", created.body().get("priority").asText());

        Reply read = http("GET", "/tickets/" + key, "anna", null);
        assertEquals(200, read.status());
        assertEquals("Printer on floor 3 jams", read.body().get("summary").asText());

        Reply queue = http("GET", "/tickets?department=it&status=new&limit=200", "ina", null);
        assertEquals(200, queue.status());
        assertTrue(containsKey(queue.body().get("items"), key));

        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "ina", Map.of("body", "Checking the tray", "internal", true)).status());
        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "ina", Map.of("body", "On my way", "internal", false)).status());
        assertEquals("only the public comment for the requester", 1, http("GET", "/tickets/" + key + "/comments", "anna", null).body().size());
        assertEquals(2, http("GET", "/tickets/" + key + "/comments", "ina", null).body().size());

        Reply started = http("POST", "/tickets/" + key + "/transitions", "ina", Map.of("to", "in-progress"));
        assertEquals(200, started.status());
        assertEquals("in-progress", started.body().get("status").asText());
        assertEquals(403, http("POST", "/tickets/" + key + "/transitions", "anna", Map.of("to", "resolved")).status());

        JsonNode history = http("GET", "/tickets/" + key + "/history", "ina", null).body();
        assertEquals("created, 2 comments, 1 transition", 4, history.size());
        assertEquals("transitioned", history.get(3).get("action").asText());
    }

    @Test
    public void refusesBadInputWithProblemJsonAndStoresNothing() throws Exception {
        int before = http("GET", "/tickets?limit=200", "anna", null).body().get("items").size();
        Reply bad = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "", "impact", "huge",
                "fields", Map.of("affectedService", "fax")));
        assertEquals(400, bad.status());
        assertTrue(bad.contentType(), bad.contentType().startsWith("application/problem+json"));
        assertEquals(3, bad.body().get("errors").size());
        assertEquals(before, http("GET", "/tickets?limit=200", "anna", null).body().get("items").size());

        Reply notJson = http("POST", "/tickets", "anna", "{\"type\": ");
        assertEquals(400, notJson.status());
        assertEquals(401, http("GET", "/catalog", null, null).status());
        assertEquals(401, http("GET", "/catalog", "nobody", null).status());
    }

    @Test
    public void aStaleUpdateIsAConflictThatNamesTheCurrentVersion() throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.service-request", "summary", "Need Visio",
                "fields", Map.of("requestKind", "software-installation", "softwareName", "Microsoft Visio",
                        "licenceJustification", "Process diagrams for the ERP project")));
        String key = created.body().get("key").asText();
        long version = created.body().get("version").asLong();
        Reply first = http("PATCH", "/tickets/" + key, "ina", Map.of("version", version, "assignee", "ina"));
        assertEquals(200, first.status());
        assertNotEquals(version, first.body().get("version").asLong());
        Reply stale = http("PATCH", "/tickets/" + key, "anna", Map.of("version", version, "summary", "Need Visio 2024"));
        assertEquals(409, stale.status());
        assertEquals(first.body().get("version").asLong(), stale.body().get("currentVersion").asLong());
    }

    @Test
    public void servesTheOpenApiDocumentWithoutCredentials() throws Exception {
        Reply openapi = http("GET", "/openapi.json", null, null);
        assertEquals(200, openapi.status());
        assertNotNull(openapi.body().get("paths").get("/tickets"));
    }

    private static boolean containsKey(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.get("key").asText().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
