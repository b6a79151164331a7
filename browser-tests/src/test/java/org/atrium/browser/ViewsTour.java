package org.atrium.browser;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.atrium.browser.harness.Chromium;
import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.PortalPage;
import org.atrium.browser.pages.SignInPage;
import org.junit.Test;
import org.openqa.selenium.Dimension;

/**
 * Every main view in German and in English, on a desktop (1280x900) and a phone (390x844): a
 * screenshot of each under target/screenshots, the axe-core check on each (no serious or critical
 * violation), and no page a phone must scroll sideways (long German words included).
 */
public class ViewsTour {
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());
    private final List<String> problems = new ArrayList<>();

    @Test
    public void everyViewInBothLanguagesOnDesktopAndPhone() {
        String leave = leaveRequestOfAnna();
        String incident = rest.post("anna", "/tickets", "{\"type\":\"it.incident\",\"summary\":\"Laptop docking station ignores the second monitor\","
                + "\"impact\":\"medium\",\"urgency\":\"medium\",\"fields\":{\"affectedService\":\"workplace\"}}").path("key").asText();

        try (Chromium browser = Chromium.start("de")) {
            SignInPage.open(browser.driver(), PortalSuiteIT.ATRIUM.baseUrl());
            tour(browser, "sign-in");
        }
        try (Persona anna = Persona.signIn("anna", "de")) {
            visit(anna, "catalog", "catalog");
            visit(anna, "request/hr.leave", "request-form");
            visit(anna, "my-requests", "my-requests");
            visit(anna, "requests/" + incident, "request-detail");
            visit(anna, "out-of-office", "out-of-office");
        }
        try (Persona marc = Persona.signIn("marc", "de")) {
            visit(marc, "approvals", "approvals");
            assertTrue("marc's inbox shows anna's leave request " + leave, PortalPage.awaitView(marc.driver(), "approvals").getText().contains(leave));
        }
        try (Persona ina = Persona.signIn("ina", "de")) {
            visit(ina, "queue", "queue");
            visit(ina, "tickets/" + incident, "ticket");
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    private void visit(Persona persona, String hash, String view) {
        PortalPage.go(persona.driver(), hash, view);
        tour(persona.browser, view);
    }

    /** The view in both languages and both sizes; collects every problem so one run names them all. */
    private void tour(Chromium browser, String view) {
        for (String language : List.of("de", "en")) {
            choose(browser, view, language);
            // axe-core on one screen a language: German on the phone (long words), English on the desktop
            Dimension axeOn = language.equals("de") ? Chromium.PHONE : Chromium.DESKTOP;
            problems.addAll(Screenshots.desktopAndPhoneProblems(browser, view + "-" + language, axeOn));
        }
    }

    private static void choose(Chromium browser, String view, String language) {
        PortalPage page = new PortalPage(browser.driver(), view) { };
        if (!language.equals(page.language())) {
            page.chooseLanguage(language);
        }
        PortalPage.awaitView(browser.driver(), view);
        assertFalse(view + " still loading", browser.driver().getPageSource().contains("id=\"view-loading\""));
    }

    private String leaveRequestOfAnna() {
        LocalDate monday = LocalDate.now().plusWeeks(8).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return rest.post("anna", "/tickets", "{\"type\":\"hr.leave\",\"summary\":\"Bildungsurlaub: Datenschutzgrundverordnungsseminar\","
                + "\"fields\":{\"kind\":\"educational\",\"reason\":\"Seminar der Industrie- und Handelskammer\","
                + "\"period\":{\"from\":\"" + monday + "\",\"to\":\"" + monday.plusDays(2) + "\"}}}").path("key").asText();
    }
}
