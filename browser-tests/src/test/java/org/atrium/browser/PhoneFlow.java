package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.atrium.browser.harness.Chromium;
import org.atrium.browser.harness.Rest;
import org.atrium.browser.pages.CatalogPage;
import org.atrium.browser.pages.MyRequestsPage;
import org.atrium.browser.pages.RequestDetailPage;
import org.junit.Test;

/** A phone-sized window (390x844): anna finds a request type, submits it and follows it, never scrolling sideways. */
public class PhoneFlow {
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void aRequestFromAPhone() {
        try (Persona anna = Persona.signIn("anna", "de", Chromium.PHONE)) {
            CatalogPage catalog = CatalogPage.open(anna.driver()).search("Bescheinigung");
            assertFalse("the catalog scrolls sideways", anna.browser.scrollsSideways());
            RequestDetailPage request = catalog.request("hr.certificate")
                    .type("summary", "Arbeitgeberbescheinigung für die Wohnungsbewerbung")
                    .choose("topic", "employment-certificate")
                    .submit().submitted();
            assertFalse("the request's page scrolls sideways", anna.browser.scrollsSideways());
            String key = request.key();
            MyRequestsPage mine = MyRequestsPage.open(anna.driver());
            mine.row(key);
            assertFalse("my requests scroll sideways", anna.browser.scrollsSideways());
            assertEquals("Arbeitgeberbescheinigung für die Wohnungsbewerbung", rest.get("anna", "/tickets/" + key).path("summary").asText());
        }
    }
}
