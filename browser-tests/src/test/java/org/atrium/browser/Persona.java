package org.atrium.browser;

import org.atrium.browser.harness.Chromium;
import org.atrium.browser.pages.SignInPage;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/** A demo person at their own browser (fresh profile: own cookies), signed in to the portal. */
final class Persona implements AutoCloseable {
    final String login;
    final Chromium browser;

    private Persona(String login, Chromium browser) {
        this.login = login;
        this.browser = browser;
    }

    static Persona signIn(String login, String language) {
        return signIn(login, language, Chromium.DESKTOP);
    }

    static Persona signIn(String login, String language, Dimension window) {
        Chromium browser = Chromium.start(language, window);
        try {
            SignInPage.open(browser.driver(), PortalSuiteIT.ATRIUM.baseUrl()).signInAs(login);
            return new Persona(login, browser);
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    ChromeDriver driver() {
        return browser.driver();
    }

    @Override
    public void close() {
        browser.close();
    }
}
