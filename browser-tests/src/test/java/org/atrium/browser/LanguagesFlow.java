package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.atrium.browser.pages.CatalogPage;
import org.junit.Test;

/**
 * German and English: the portal starts in the browser's language, labels of request types come
 * from their descriptors in that language, the switch changes every text and is remembered.
 */
public class LanguagesFlow {
    @Test
    public void germanFromTheBrowserSwitchedToEnglishAndRemembered() {
        try (Persona anna = Persona.signIn("anna", "de")) {
            CatalogPage catalog = CatalogPage.open(anna.driver());
            assertEquals("de", catalog.language());
            assertEquals("Urlaubsantrag", catalog.typeName("hr.leave"));
            String germanHeading = catalog.heading();

            catalog.chooseLanguage("en");
            catalog = new CatalogPage(anna.driver());
            assertEquals("Leave request", catalog.typeName("hr.leave"));
            assertNotEquals("the UI's own texts change too", germanHeading, catalog.heading());

            anna.driver().navigate().refresh();
            catalog = new CatalogPage(anna.driver());
            assertEquals("the choice is remembered", "en", catalog.language());
            assertEquals("Leave request", catalog.typeName("hr.leave"));
        }
    }

    @Test
    public void englishFromAnEnglishBrowser() {
        try (Persona ina = Persona.signIn("ina", "en")) {
            CatalogPage catalog = CatalogPage.open(ina.driver());
            assertEquals("en", catalog.language());
            assertEquals("Leave request", catalog.typeName("hr.leave"));
        }
    }
}
