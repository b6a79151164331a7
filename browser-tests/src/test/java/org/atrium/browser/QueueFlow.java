package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.QueuePage;
import org.atrium.browser.pages.TicketPage;
import org.junit.Test;
import org.openqa.selenium.WebElement;

/**
 * ina works the IT queue: a P1 incident whose resolution target has passed shows in the breach
 * colour (BreachingIncidents), a fresh one does not; she assigns the breached one to herself, adds
 * an internal comment (which the requester never sees) and resolves it.
 */
public class QueueFlow {
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void inaAssignsHerselfCommentsInternallyAndResolvesABreachedTicket() {
        String breached = incident("Mail server down for the whole floor", "high", "high");
        String fresh = incident("Printer on the 3rd floor jams", "low", "low");
        assertEquals("P1", rest.get("anna", "/tickets/" + breached).path("priority").asText());
        awaitBreach(breached);

        try (Persona ina = Persona.signIn("ina", "en")) {
            QueuePage queue = QueuePage.open(ina.driver()).department("it");
            WebElement late = queue.awaitDueState(breached, "sla-breached");
            WebElement inTime = queue.dueCell(fresh);
            assertFalse(inTime.getAttribute("class"), inTime.getAttribute("class").contains("sla-breached"));
            assertNotEquals("the breach has a colour of its own", colours(inTime), colours(late));
            assertTrue("the breached ticket comes first (SLA order)", queue.keys().indexOf(breached) < queue.keys().indexOf(fresh));
            Screenshots.save(ina.driver(), "queue-breached-en-desktop");

            TicketPage ticket = queue.open(breached).assignToMe();
            ticket.comment("Checked the relay: certificate expired, renewing", true);
            assertTrue(ticket.listedComment("certificate expired").getAttribute("class").contains("internal"));
            Screenshots.save(ina.driver(), "ticket-internal-comment-en-desktop");
            ticket = ticket.transition("resolved", "fixed");
            assertEquals("Resolved", ticket.status());
        }

        JsonNode resolved = rest.get("ina", "/tickets/" + breached);
        assertEquals("ina", resolved.path("assignee").asText());
        assertEquals("resolved", resolved.path("status").asText());
        assertEquals("fixed", resolved.path("resolutionCode").asText());
        String agentsView = rest.get("ina", "/tickets/" + breached + "/comments").toString();
        assertTrue(agentsView, agentsView.contains("certificate expired"));
        String requestersView = rest.get("anna", "/tickets/" + breached + "/comments").toString();
        assertFalse("anna never sees an internal comment: " + requestersView, requestersView.contains("certificate expired"));
    }

    /** Until the server says the ticket's due time has passed (its resolution target is a few seconds). */
    private void awaitBreach(String key) {
        Instant due = Instant.parse(rest.get("ina", "/tickets/" + key).path("slaDueAt").asText());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Instant.now().isAfter(due.plusSeconds(1))) {
            assertTrue(key + " is not due within a minute: " + due, System.nanoTime() < deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String incident(String summary, String impact, String urgency) {
        return rest.post("anna", "/tickets", "{\"type\":\"it.incident\",\"summary\":\"" + summary + "\",\"impact\":\"" + impact
                + "\",\"urgency\":\"" + urgency + "\",\"fields\":{\"affectedService\":\"email\"}}").path("key").asText();
    }

    private static String colours(WebElement cell) {
        return cell.getCssValue("color") + " on " + cell.getCssValue("background-color");
    }
}
