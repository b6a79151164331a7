package org.atrium.browser;

import static org.junit.Assert.assertEquals;

import org.atrium.browser.harness.Chromium;
import org.atrium.browser.harness.Rest;
import org.atrium.browser.pages.CatalogPage;
import org.atrium.browser.pages.PortalPage;
import org.atrium.browser.pages.RequestDetailPage;
import org.atrium.browser.pages.SignInPage;
import org.junit.Test;
import org.openqa.selenium.Keys;

/** The keyboard alone: signing in and submitting a request with Tab, typing, arrow keys and Enter; the focus always visible. */
public class KeyboardFlow {
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void signInAndSubmitARequestWithTheKeyboardOnly() {
        try (Chromium browser = Chromium.start("en")) {
            SignInPage.open(browser.driver(), PortalSuiteIT.ATRIUM.baseUrl());
            Keyboard keys = new Keyboard(browser.driver());
            assertEquals("the sign-in view puts the focus in the login field", "login", keys.focused().getAttribute("name"));
            keys.press("anna", Keys.TAB, "anna", Keys.ENTER);
            new CatalogPage(browser.driver());

            keys.tabTo("the link to the repair request", Keyboard.linkTo("#/request/facility.repair"));
            keys.press(Keys.ENTER);
            PortalPage.awaitView(browser.driver(), "request-form");
            keys.tabTo("the summary", Keyboard.named("summary"));
            keys.press("Door of room 2.14 does not lock");
            keys.tabTo("the building", Keyboard.named("building"));
            keys.press("Headquarters");
            keys.tabTo("the room", Keyboard.named("room"));
            keys.press("2.14");
            keys.tabTo("the category", Keyboard.named("category"));
            keys.press(Keys.ARROW_DOWN);
            keys.tabTo("the submit button", Keyboard.submitButton());
            keys.press(Keys.ENTER);
            String key = new RequestDetailPage(browser.driver()).key();
            assertEquals("Door of room 2.14 does not lock", rest.get("anna", "/tickets/" + key).path("summary").asText());
        }
    }
}
