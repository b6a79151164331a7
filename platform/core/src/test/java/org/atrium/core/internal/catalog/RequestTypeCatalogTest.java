package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.RefusedDescriptor;
import org.atrium.api.catalog.RequestType;
import org.junit.jupiter.api.Test;

class RequestTypeCatalogTest {

    private static final String IT_REQUEST = TestCatalogs.IT_INCIDENT
            .replace("\"key\": \"it.incident\"", "\"key\": \"it.access\"")
            .replace("\"category\": \"incident\"", "\"category\": \"service-request\"");

    @Test
    void registersTypesSortedByKey() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 7, "org.atrium.it", TestCatalogs.IT_INCIDENT, IT_REQUEST);
        assertEquals(List.of("it.access", "it.incident"), keys(catalog));
        assertEquals("org.atrium.it", catalog.find("it.incident").orElseThrow().bundle());
        assertTrue(catalog.find("it.nothing").isEmpty());
        assertEquals(List.of(), catalog.refused());
    }

    @Test
    void refusesDuplicateKeyFromAnotherBundle() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.it", TestCatalogs.IT_INCIDENT);
        TestCatalogs.add(catalog, 2, "org.atrium.rogue", TestCatalogs.IT_INCIDENT.replace("Incident\"}", "Rogue\"}"));

        RequestType kept = catalog.find("it.incident").orElseThrow();
        assertEquals("org.atrium.it", kept.bundle());
        assertEquals("Incident", kept.names().get("en"));
        assertEquals(1, catalog.all().size());
        RefusedDescriptor refusal = single(catalog.refused());
        assertEquals("org.atrium.rogue", refusal.bundle());
        assertEquals("/atrium/type0.json", refusal.file());
        assertEquals("key", refusal.field());
        assertTrue(refusal.reason().contains("org.atrium.it"), refusal.reason());
    }

    @Test
    void refusesDuplicateKeyWithinOneBundle() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.it", TestCatalogs.IT_INCIDENT, TestCatalogs.IT_INCIDENT);
        assertEquals(List.of("it.incident"), keys(catalog));
        assertEquals("/atrium/type1.json", single(catalog.refused()).file());
    }

    @Test
    void refusesPrefixOwnedByAnotherDepartment() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.it", TestCatalogs.IT_INCIDENT);
        TestCatalogs.add(catalog, 2, "org.atrium.hr", TestCatalogs.HR_CASE.replace("\"keyPrefix\": \"HR\"", "\"keyPrefix\": \"IT\""));

        assertEquals(List.of("it.incident"), keys(catalog));
        RefusedDescriptor refusal = single(catalog.refused());
        assertEquals("keyPrefix", refusal.field());
        assertTrue(refusal.reason().contains("it.incident"), refusal.reason());
    }

    @Test
    void samePrefixInSameDepartmentIsFine() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.hr", TestCatalogs.HR_CASE);
        TestCatalogs.add(catalog, 2, "org.atrium.hr.extra", TestCatalogs.HR_QUESTION);
        assertEquals(List.of("hr.case", "hr.question"), keys(catalog));
        assertEquals(List.of(), catalog.refused());
    }

    @Test
    void badDescriptorIsRefusedWholeAndOthersOfTheBundleStay() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.it", TestCatalogs.IT_INCIDENT,
                IT_REQUEST.replace("\"category\": \"service-request\"", "\"category\": \"wish\""));
        assertEquals(List.of("it.incident"), keys(catalog));
        RefusedDescriptor refusal = single(catalog.refused());
        assertEquals("category", refusal.field());
        assertEquals("org.atrium.it", refusal.bundle());
    }

    @Test
    void unreadableFileIsRefused() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        Map<String, RequestTypeCatalog.DescriptorSource> files = new LinkedHashMap<>();
        files.put("/atrium/broken.json", () -> {
            throw new IOException("disk on fire");
        });
        catalog.add(1, "org.atrium.it", files);
        RefusedDescriptor refusal = single(catalog.refused());
        assertEquals("(file)", refusal.field());
        assertTrue(refusal.reason().contains("disk on fire"));
        assertEquals(List.of(), catalog.all());
    }

    @Test
    void withdrawRemovesExactlyTheBundlesTypesAndRefusals() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.it", TestCatalogs.IT_INCIDENT, IT_REQUEST);
        TestCatalogs.add(catalog, 2, "org.atrium.hr", TestCatalogs.HR_CASE, "{ not json");
        assertEquals(List.of("hr.case", "it.access", "it.incident"), keys(catalog));
        assertEquals(1, catalog.refused().size());

        catalog.withdraw(1);
        assertEquals(List.of("hr.case"), keys(catalog));
        assertTrue(catalog.find("it.incident").isEmpty());
        assertEquals(1, catalog.refused().size());

        catalog.withdraw(2);
        assertEquals(List.of(), catalog.all());
        assertEquals(List.of(), catalog.refused());

        catalog.withdraw(99); // unknown bundle: nothing happens
        assertEquals(List.of(), catalog.all());
    }

    @Test
    void afterWithdrawAnotherBundleMayTakeTheKeyAndPrefix() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 1, "org.atrium.it", TestCatalogs.IT_INCIDENT);
        catalog.withdraw(1);
        TestCatalogs.add(catalog, 2, "org.atrium.it.v2", TestCatalogs.IT_INCIDENT.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        RequestType type = catalog.find("it.incident").orElseThrow();
        assertEquals("org.atrium.it.v2", type.bundle());
        assertEquals(2, type.schemaVersion());
        assertEquals(List.of(), catalog.refused());
    }

    @Test
    void publishedListsAreImmutable() {
        RequestTypeCatalog catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT);
        List<RequestType> all = catalog.all();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> all.clear());
    }

    private static List<String> keys(RequestTypeCatalog catalog) {
        return catalog.all().stream().map(RequestType::key).toList();
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
