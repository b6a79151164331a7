package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.ApprovalsPage;
import org.atrium.browser.pages.CatalogPage;
import org.atrium.browser.pages.MyRequestsPage;
import org.atrium.browser.pages.RequestDetailPage;
import org.atrium.browser.pages.TicketPage;
import org.junit.Test;

/** The leave request clicked through by three people: anna asks, marc (her manager) approves, hanna (HR) records it, anna sees it decided. */
public class LeaveRequestFlow {
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void annaRequestsLeaveMarcApprovesHannaRecordsAnnaSeesTheResult() {
        LocalDate monday = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String key;
        try (Persona anna = Persona.signIn("anna", "de")) {
            RequestDetailPage request = CatalogPage.open(anna.driver()).request("hr.leave")
                    .type("summary", "Sommerurlaub an der Ostsee")
                    .choose("kind", "annual")
                    .date("period.from", monday)
                    .date("period.to", monday.plusDays(4))
                    .submit().submitted();
            key = request.key();
            assertTrue(key, key.startsWith("HR-"));
            Screenshots.save(anna.driver(), "request-detail-leave-de-desktop");
        }
        JsonNode created = rest.get("anna", "/tickets/" + key);
        assertEquals("annual", created.path("fields").path("kind").asText());
        assertEquals(monday.toString(), created.path("fields").path("period").path("from").asText());
        int workingDays = created.path("fields").path("workingDays").asInt();
        assertTrue("the server computed the working days (Monday to Friday less public holidays): " + workingDays,
                workingDays >= 1 && workingDays <= 5);

        try (Persona marc = Persona.signIn("marc", "de")) {
            ApprovalsPage inbox = ApprovalsPage.open(marc.driver());
            assertTrue(inbox.cardText(key), inbox.cardText(key).contains("Sommerurlaub an der Ostsee"));
            Screenshots.save(marc.driver(), "approvals-leave-de-desktop");
            inbox.approve(key, "Gute Erholung!");
        }
        assertEquals("approved", rest.get("hanna", "/tickets/" + key).path("status").asText());

        try (Persona hanna = Persona.signIn("hanna", "de")) {
            TicketPage ticket = TicketPage.open(hanna.driver(), key);
            ticket = ticket.transition("recorded", "approved");
            assertEquals("Entschieden", ticket.status());
        }
        JsonNode recorded = rest.get("hanna", "/tickets/" + key);
        assertEquals("recorded", recorded.path("status").asText());
        assertEquals("approved", recorded.path("resolutionCode").asText());

        try (Persona anna = Persona.signIn("anna", "de")) {
            MyRequestsPage mine = MyRequestsPage.open(anna.driver());
            assertEquals("Entschieden", mine.statusOf(key));
            Screenshots.save(anna.driver(), "my-requests-decided-de-desktop");
            RequestDetailPage request = mine.open(key);
            assertEquals("Entschieden", request.status());
            String progress = request.approvalProgress();
            assertTrue(progress, progress.contains("marc") && progress.contains("Gute Erholung!"));
        }
    }
}
