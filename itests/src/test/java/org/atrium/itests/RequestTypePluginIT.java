package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.atrium.api.catalog.RefusedDescriptor;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/** Request types as plugins: hot deploy through deploy/ and of a department feature, schema versions, refused descriptors, Java extensions. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RequestTypePluginIT extends AtriumTestSupport {

    @Inject
    private RequestTypeRegistry registry;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private FeaturesService features;

    @Before
    public void apiIsUp() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30), () -> registry.find("hr.leave").isPresent());
        waitForApi();
    }

    @Test
    public void aPartnerBundleDroppedIntoDeployIsUsableAndItsTicketsOutliveIt() throws Exception {
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "atrium-example-legal.jar");
        String version = System.getProperty("atrium.version");
        long start = System.nanoTime();
        try (InputStream jar = new URL("mvn:org.atrium/atrium-example-legal/" + version).openStream()) {
            Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        }
        waitUntil("the legal types in the catalog", Duration.ofSeconds(30), () -> registry.find("legal.contract-review").isPresent());
        System.out.printf("deploy/ drop to types in catalog: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        JsonNode review = catalogEntry("legal.contract-review");
        assertEquals("Vertragsprüfung", review.get("names").get("de").asText());
        String draft = uploadedText("anna", "NDA draft.txt", "Draft of the NDA with Acme"); // its required attachment field
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "legal.contract-review", "summary", "NDA with Acme",
                "fields", Map.of("contractType", "nda", "signBy", "2026-12-15", "document", draft)));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertTrue(key, key.startsWith("LEG-"));

        Files.delete(deployed);
        waitUntil("the legal types withdrawn", Duration.ofSeconds(30), () -> registry.find("legal.contract-review").isEmpty());
        assertEquals(200, http("GET", "/tickets/" + key, "anna", null).status());
        assertTrue(http("GET", "/tickets?requester=anna&limit=200", "anna", null).body().get("items").toString().contains(key));
        assertEquals("closed", http("POST", "/tickets/" + key + "/transitions", "anna", Map.of("to", "closed")).body().get("status").asText());
    }

    @Test
    public void aNewSchemaVersionLeavesOlderTicketsWorkable() throws Exception {
        Bundle bundle = bundleContext.installBundle("atrium-test:versioned",
                new ByteArrayInputStream(TestBundles.descriptorBundle("org.atrium.test.versioned", "1.0.0",
                        Map.of("asset.json", asset(1, "")))));
        bundle.start();
        waitUntil("version 1", Duration.ofSeconds(10), () -> registry.find("lab.asset").map(t -> t.schemaVersion() == 1).orElse(false));
        Reply old = http("POST", "/tickets", "anna", Map.of("type", "lab.asset", "summary", "Microscope",
                "fields", Map.of("name", "M-1")));
        assertEquals(old.raw().body(), 201, old.status());
        String key = old.body().get("key").asText();

        bundle.update(new ByteArrayInputStream(TestBundles.descriptorBundle("org.atrium.test.versioned", "2.0.0",
                Map.of("asset.json", asset(2, ",{\"name\": \"room\", \"type\": \"text\", \"required\": true,"
                        + " \"labels\": {\"de\": \"Raum\", \"en\": \"Room\"}}")))));
        waitUntil("version 2", Duration.ofSeconds(10), () -> registry.find("lab.asset").map(t -> t.schemaVersion() == 2).orElse(false));

        Reply missing = http("POST", "/tickets", "anna", Map.of("type", "lab.asset", "summary", "Centrifuge", "fields", Map.of("name", "C-1")));
        assertEquals(400, missing.status());
        assertEquals("fields.room", missing.body().get("errors").get(0).get("field").asText());
        Reply fresh = http("POST", "/tickets", "anna", Map.of("type", "lab.asset", "summary", "Centrifuge",
                "fields", Map.of("name", "C-1", "room", "B.12")));
        assertEquals(2, fresh.body().get("typeVersion").asInt());

        JsonNode before = http("GET", "/tickets/" + key, "anna", null).body();
        assertEquals(1, before.get("typeVersion").asInt());
        Reply updated = http("PATCH", "/tickets/" + key, "anna", Map.of("version", before.get("version").asLong(),
                "fields", Map.of("name", "M-1b")));
        assertEquals("version 1 has no room field, and needs none: " + updated.raw().body(), 200, updated.status());
        assertEquals("closed", http("POST", "/tickets/" + key + "/transitions", "anna", Map.of("to", "closed")).body().get("status").asText());
        bundle.uninstall();
    }

    @Test
    public void anInvalidDescriptorIsRefusedWholeAndNamed() throws Exception {
        // three mistakes: a field's type, the category and the key prefix; every one is reported
        String bad = asset(1, "").replace("\"type\": \"text\"", "\"type\": \"colour\"").replace("lab.asset", "lab.broken")
                .replace("\"category\": \"service-request\"", "\"category\": \"accident\"").replace("\"LAB\"", "\"lab\"");
        Bundle bundle = bundleContext.installBundle("atrium-test:broken",
                new ByteArrayInputStream(TestBundles.descriptorBundle("org.atrium.test.broken", "1.0.0", Map.of("broken.json", bad))));
        bundle.start();
        waitUntil("the refusal", Duration.ofSeconds(10), () -> registry.refused().stream().anyMatch(r -> r.bundle().equals("org.atrium.test.broken")));
        RefusedDescriptor refused = registry.refused().stream().filter(r -> r.bundle().equals("org.atrium.test.broken"))
                .filter(r -> r.field().equals("fields[0].type")).findFirst().orElseThrow();
        assertEquals("/atrium/broken.json", refused.file());
        assertEquals("fields[0].type", refused.field());
        assertEquals(java.util.List.of("category", "fields[0].type", "keyPrefix"), registry.refused().stream()
                .filter(r -> r.bundle().equals("org.atrium.test.broken")).map(RefusedDescriptor::field).sorted().toList());
        // admins see the refusal over REST with every error and its JSON path; others get 403
        Reply problems = http("GET", "/catalog/problems", "admin", null);
        assertEquals(problems.raw().body(), 200, problems.status());
        JsonNode broken = null;
        for (JsonNode item : problems.body().get("items")) {
            if (item.get("bundle").asText().equals("org.atrium.test.broken")) {
                broken = item;
            }
        }
        assertTrue(problems.raw().body(), broken != null);
        assertEquals("/atrium/broken.json", broken.get("file").asText());
        assertEquals(3, broken.get("errors").size());
        assertTrue(broken.toString(), broken.toString().contains("\"path\":\"$.fields[0].type\"")
                && broken.toString().contains("\"path\":\"$.category\"") && broken.toString().contains("\"path\":\"$.keyPrefix\""));
        Reply denied = http("GET", "/catalog/problems", "anna", null);
        assertEquals(403, denied.status());
        assertEquals("application/problem+json", denied.contentType());
        assertFalse(registry.find("lab.broken").isPresent());
        String console = runCommand("atrium:types");
        assertTrue(console, console.contains("Refused descriptors") && console.contains("org.atrium.test.broken")
                && console.contains("fields[0].type") && console.contains("hr.leave"));
        assertTrue(console, console.contains("agents, managerOf:employee"));
        bundle.uninstall();
        waitUntil("the refusal forgotten", Duration.ofSeconds(10), () -> registry.refused().stream().noneMatch(r -> r.bundle().equals("org.atrium.test.broken")));
    }

    @Test
    public void aLeaveRequestCountsWorkingDaysOnTheServer() throws Exception {
        // anna works in Bavaria according to the directory (the demo company of demo mode); the form no longer asks
        Reply leave = http("POST", "/tickets", "anna", Map.of("type", "hr.leave", "summary", "Summer holiday",
                "fields", Map.of("kind", "annual", "period", Map.of("from", "2030-06-17", "to", "2030-06-28"))));
        assertEquals(leave.raw().body(), 201, leave.status());
        assertEquals("ten weekdays less Corpus Christi in Bavaria", 9, leave.body().get("fields").get("workingDays").asInt());
        Reply forged = http("POST", "/tickets", "anna", Map.of("type", "hr.leave", "summary", "Summer holiday",
                "fields", Map.of("kind", "annual", "workingDays", 1,
                        "period", Map.of("from", "2030-06-17", "to", "2030-06-28"))));
        assertEquals(400, forged.status());
        assertEquals("HR tickets are confidential", 404, http("GET", "/tickets/" + leave.body().get("key").asText(), "ina", null).status());
    }

    /** Runs a Karaf console command as the console would and returns what it printed. */
    private String runCommand(String command) throws Exception {
        return KarafConsole.run(sessionFactory, command);
    }

    /** A department feature leaves and comes back while the server runs; its tickets stay workable (was DepartmentHotDeployIT). */
    @Test
    public void uninstallingAndReinstallingTheFacilityFeatureChangesTheCatalog() throws Exception {
        waitUntil("facility types", Duration.ofSeconds(30), () -> registry.find("facility.repair").isPresent());
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "facility.repair", "summary", "Window does not close",
                "fields", Map.of("building", "HQ", "room", "2.14", "category", "other")));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertTrue(key.startsWith("FAC-"));

        features.uninstallFeature("atrium-facility", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        try {
            waitUntil("facility types withdrawn", Duration.ofSeconds(10), () -> registry.find("facility.repair").isEmpty());
            assertFalse(catalogHas("facility.repair"));
            assertTrue("other departments stay", catalogHas("it.incident"));

            // the ticket outlives its type: readable, listable, closable
            assertEquals(200, http("GET", "/tickets/" + key, "felix", null).status());
            assertEquals(201, http("POST", "/tickets/" + key + "/comments", "felix", Map.of("body", "Fixed the hinge")).status());
            assertEquals("closed", http("POST", "/tickets/" + key + "/transitions", "felix", Map.of("to", "closed")).body().get("status").asText());
            assertEquals(400, http("POST", "/tickets", "anna", Map.of("type", "facility.repair", "summary", "x")).status());
        } finally {
            // back for the class's other tests, also when an assertion above failed
            long start = System.nanoTime();
            features.installFeature("atrium-facility", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            waitUntil("facility types back", Duration.ofSeconds(30), () -> registry.find("facility.repair").isPresent());
            System.out.printf("atrium-facility installed to types in catalog: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
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

    private JsonNode catalogEntry(String key) throws Exception {
        for (JsonNode type : http("GET", "/catalog", "anna", null).body()) {
            if (type.get("key").asText().equals(key)) {
                return type;
            }
        }
        throw new AssertionError(key + " is not in the catalog");
    }

    /** POST /attachments: the id of a text file uploaded before its ticket. */
    private String uploadedText(String user, String fileName, String text) throws Exception {
        String boundary = "----atrium-plugin-it";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(apiBase() + "/attachments"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 201, response.statusCode());
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static String asset(int version, String moreFields) {
        return "{\"key\": \"lab.asset\", \"department\": \"lab\", \"category\": \"service-request\", \"keyPrefix\": \"LAB\","
                + " \"schemaVersion\": " + version + ", \"names\": {\"de\": \"Gerät\", \"en\": \"Asset\"},"
                + " \"fields\": [{\"name\": \"name\", \"type\": \"text\", \"required\": true,"
                + " \"labels\": {\"de\": \"Name\", \"en\": \"Name\"}}" + moreFields + "]}";
    }
}
