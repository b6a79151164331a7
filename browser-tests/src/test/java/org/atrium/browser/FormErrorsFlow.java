package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.CatalogPage;
import org.atrium.browser.pages.RequestDetailPage;
import org.atrium.browser.pages.RequestFormPage;
import org.junit.Test;

/**
 * A form filled wrongly and corrected: the server's field errors appear beside their fields (and
 * mark them invalid), nothing is created; once corrected the request is submitted.
 */
public class FormErrorsFlow {
    private static final String SUMMARY = "Moving house, filled in wrongly first";
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void serverErrorsAppearBesideTheirFieldsAndTheCorrectedFormIsSubmitted() {
        try (Persona anna = Persona.signIn("anna", "en")) {
            RequestFormPage form = CatalogPage.open(anna.driver()).request("hr.leave");
            assertFalse("the reason is asked only for some kinds of leave", form.fieldShown("reason"));
            form.type("summary", SUMMARY).choose("kind", "special");
            assertTrue("special leave asks for the reason (shownWhen)", form.fieldShown("reason"));
            LocalDate yesterday = LocalDate.now().minusDays(1);
            form.date("period.from", yesterday).date("period.to", yesterday.minusDays(3)).submit();

            String reasonError = form.errorOf("reason");
            String periodError = form.errorOf("period");
            assertFalse(reasonError.isBlank());
            assertFalse(periodError.isBlank());
            assertTrue("the bad field is marked for assistive technology", form.markedInvalid("reason"));
            Screenshots.save(anna.driver(), "request-form-errors-en-desktop");
            assertEquals("nothing was created", 0, mine().size());

            LocalDate monday = LocalDate.now().plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            form.type("reason", "Moving to Augsburg").date("period.from", monday).date("period.to", monday.plusDays(1));
            RequestDetailPage request = form.submit().submitted();
            assertEquals(1, mine().size());
            assertEquals(request.key(), mine().get(0).path("key").asText());
        }
    }

    private java.util.List<JsonNode> mine() {
        JsonNode page = rest.get("anna", "/tickets?limit=100");
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        page.path("items").forEach(t -> {
            if (SUMMARY.equals(t.path("summary").asText())) {
                found.add(t);
            }
        });
        return found;
    }
}
