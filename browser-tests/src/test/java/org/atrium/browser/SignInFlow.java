package org.atrium.browser;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.atrium.browser.harness.Axe;
import org.atrium.browser.harness.Chromium;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.PortalPage;
import org.atrium.browser.pages.SignInPage;
import org.junit.Test;

/** Signing in: a wrong password keeps the person on the sign-in view with a message; the right one lets them in. */
public class SignInFlow {
    private final String base = PortalSuiteIT.ATRIUM.baseUrl();

    @Test
    public void aWrongPasswordIsRefusedAndTheRightOneSignsIn() {
        try (Chromium browser = Chromium.start("en")) {
            SignInPage signIn = SignInPage.open(browser.driver(), base);
            Screenshots.save(browser.driver(), "sign-in-en-desktop");
            Axe.assertNoSeriousViolations(browser.driver(), "sign-in");
            signIn.signIn("anna", "not-her-password");
            assertFalse("a refusal says why", signIn.error().isBlank());
            assertTrue(PortalPage.showing(browser.driver(), "sign-in"));
            signIn.signInAs("anna");
            assertFalse(PortalPage.showing(browser.driver(), "sign-in"));
        }
    }
}
