package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** A department feature leaves and comes back while the server runs; its tickets stay workable. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DepartmentHotDeployIT extends AtriumTestSupport {

    @Inject
    private FeaturesService features;

    @Inject
    private RequestTypeRegistry registry;

    @Test
    public void uninstallingAndReinstallingTheFacilityFeatureChangesTheCatalog() throws Exception {
        waitUntil("facility types", Duration.ofSeconds(30), () -> registry.find("facility.repair").isPresent());
        waitForApi();
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "facility.repair", "summary", "Window does not close",
                "fields", Map.of("building", "HQ", "room", "2.14", "category", "other")));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertTrue(key.startsWith("FAC-"));

        features.uninstallFeature("atrium-facility", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        waitUntil("facility types withdrawn", Duration.ofSeconds(10), () -> registry.find("facility.repair").isEmpty());
        assertFalse(catalogHas("facility.repair"));
        assertTrue("other departments stay", catalogHas("it.incident"));

        // the ticket outlives its type: readable, listable, closable
        assertEquals(200, http("GET", "/tickets/" + key, "felix", null).status());
        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "felix", Map.of("body", "Fixed the hinge")).status());
        assertEquals("closed", http("POST", "/tickets/" + key + "/transitions", "felix", Map.of("to", "closed")).body().get("status").asText());
        assertEquals(400, http("POST", "/tickets", "anna", Map.of("type", "facility.repair", "summary", "x")).status());

        long start = System.nanoTime();
        features.installFeature("atrium-facility", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        waitUntil("facility types back", Duration.ofSeconds(30), () -> registry.find("facility.repair").isPresent());
        System.out.printf("atrium-facility installed to types in catalog: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertTrue(catalogHas("facility.repair"));
    }

    private boolean catalogHas(String key) throws Exception {
        for (JsonNode type : http("GET", "/catalog", "anna", null).body()) {
            if (type.get("key").asText().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
