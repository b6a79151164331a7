package org.atrium.core.internal.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test fixtures: descriptors as JSON, and a catalog fed from them without any OSGi bundle. */
public final class TestCatalogs {

    /** IT incidents: a form with a field of most types, prefix IT, not confidential. */
    public static final String IT_INCIDENT = """
            {
              "key": "it.incident",
              "department": "it",
              "category": "incident",
              "keyPrefix": "IT",
              "schemaVersion": 1,
              "names": {"de": "Störung", "en": "Incident"},
              "help": {"de": "Etwas geht nicht", "en": "Something is broken"},
              "fields": [
                {"name": "affectedService", "type": "choice", "required": true,
                 "labels": {"de": "Dienst", "en": "Service"}, "options": ["email", "vpn", "erp"]},
                {"name": "details", "type": "textarea", "labels": {"de": "Details", "en": "Details"}},
                {"name": "users", "type": "number", "labels": {"de": "Betroffene", "en": "Users affected"}},
                {"name": "since", "type": "date", "labels": {"de": "Seit", "en": "Since"}},
                {"name": "onsite", "type": "boolean", "labels": {"de": "Vor Ort", "en": "On site"}}
              ]
            }
            """;

    /** HR cases: confidential, prefix HR. */
    public static final String HR_CASE = """
            {
              "key": "hr.case",
              "department": "hr",
              "category": "service-request",
              "keyPrefix": "HR",
              "schemaVersion": 1,
              "confidential": true,
              "names": {"de": "Personalfall", "en": "HR case"},
              "fields": []
            }
            """;

    /** HR questions: same department, not confidential. */
    public static final String HR_QUESTION = """
            {
              "key": "hr.question",
              "department": "hr",
              "category": "service-request",
              "keyPrefix": "HR",
              "schemaVersion": 1,
              "names": {"de": "Frage an HR", "en": "Question to HR"}
            }
            """;

    private TestCatalogs() {
    }

    public static RequestTypeCatalog catalog(String... descriptors) {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        add(catalog, 1, "org.atrium.test", descriptors);
        return catalog;
    }

    /** A registry of exactly these types (built in Java, e.g. with a policy that no descriptor gives). */
    public static org.atrium.api.catalog.RequestTypeRegistry registryOf(org.atrium.api.catalog.RequestType... types) {
        java.util.List<org.atrium.api.catalog.RequestType> all = java.util.List.of(types);
        return new org.atrium.api.catalog.RequestTypeRegistry() {
            public java.util.List<org.atrium.api.catalog.RequestType> all() {
                return all;
            }

            public java.util.Optional<org.atrium.api.catalog.RequestType> find(String key) {
                return all.stream().filter(type -> type.key().equals(key)).findFirst();
            }

            public java.util.List<org.atrium.api.catalog.RefusedDescriptor> refused() {
                return java.util.List.of();
            }
        };
    }

    static void add(RequestTypeCatalog catalog, long bundleId, String bundleName, String... descriptors) {
        Map<String, RequestTypeCatalog.DescriptorSource> files = new LinkedHashMap<>();
        for (int i = 0; i < descriptors.length; i++) {
            files.put("/atrium/type" + i + ".json", source(descriptors[i]));
        }
        catalog.add(bundleId, bundleName, files);
    }

    static RequestTypeCatalog.DescriptorSource source(String json) {
        return () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
