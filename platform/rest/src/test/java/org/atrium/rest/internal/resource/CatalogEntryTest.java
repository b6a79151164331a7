package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.rest.internal.JsonMapping;
import org.junit.jupiter.api.Test;

/** The catalog's REST representation: what a client needs, nothing internal, texts resolved on request. */
class CatalogEntryTest {
    private static final ObjectMapper MAPPER = JsonMapping.objectMapper();
    private static final FormField KIND = new FormField("kind", "choice", true, Map.of("de", "Art", "en", "Kind"),
            Map.of("de", "Welche Art?", "en", "Which kind?"),
            List.of(new FieldOption("annual", Map.of("de", "Erholungsurlaub", "en", "Annual leave"))), null,
            null, null, null, null, null, null, null, false, false, null);
    private static final FormField PERIOD = new FormField("period", "date-range", true, Map.of("de", "Zeitraum", "en", "Period"),
            Map.of(), List.of(), null, null, null, null, null, null, null, new Condition("kind", List.of("annual")), false, true, 366);
    private static final FormField SERVICE = new FormField("service", "choice", false, Map.of("de", "Dienst", "en", "Service"),
            Map.of(), List.of(), "it.services", BigDecimal.ONE, null, null, null, null, null, null, false, false, null);
    private static final RequestType LEAVE = new RequestType("hr.leave", "hr", "service-request", "HR",
            Map.of("de", "Urlaubsantrag", "en", "Leave request"), Map.of("de", "Urlaub beantragen", "en", "Apply for leave"),
            List.of(KIND, PERIOD, SERVICE), 2, true, List.of("hr.check"), List.of("hr.working-days"),
            null, List.of(), "org.atrium.hr");

    private static JsonNode json(String language) {
        List<FieldOption> sourced = List.of(new FieldOption("vpn", Map.of("de", "VPN", "en", "VPN")));
        return MAPPER.valueToTree(CatalogEntry.of(LEAVE, field -> field.optionSource() == null ? field.options() : sourced, language));
    }

    @Test
    void carriesWhatAClientNeedsAndNoInternals() {
        JsonNode entry = json(null);
        assertEquals("hr.leave", entry.get("key").asText());
        assertEquals(2, entry.get("schemaVersion").asInt());
        assertEquals("Urlaubsantrag", entry.get("names").get("de").asText());
        String text = entry.toString();
        for (String internal : List.of("org.atrium.hr", "hr.check", "hr.working-days", "hr.notify", "it.services",
                "bundle", "validators", "calculators", "actions", "optionSource")) {
            assertFalse(text.contains(internal), internal + " in " + text);
        }
        JsonNode period = entry.get("fields").get(1);
        assertEquals("date-range", period.get("type").asText());
        assertTrue(period.get("notInPast").asBoolean());
        assertEquals(366, period.get("maxDays").asInt());
        assertEquals("kind", period.get("shownWhen").get("field").asText());
        assertTrue(period.get("requiredWhen").isNull(), "rules that do not apply are null, not missing");
        assertEquals("vpn", entry.get("fields").get(2).get("options").get(0).get("value").asText(), "sourced options are listed");
    }

    @Test
    void resolvedTextsOnlyWhenALanguageIsAsked() {
        JsonNode plain = json(null);
        assertFalse(plain.has("name"));
        assertFalse(plain.get("fields").get(0).has("label"));
        JsonNode german = json("de");
        assertEquals("Urlaubsantrag", german.get("name").asText());
        assertEquals("Urlaub beantragen", german.get("helpText").asText());
        assertEquals("Art", german.get("fields").get(0).get("label").asText());
        assertEquals("Welche Art?", german.get("fields").get(0).get("helpText").asText());
        assertEquals("Erholungsurlaub", german.get("fields").get(0).get("options").get(0).get("label").asText());
        assertFalse(german.get("fields").get(1).has("helpText"), "no help, no helpText");
        JsonNode english = json("en");
        assertEquals("Leave request", english.get("name").asText());
        assertEquals("Period", english.get("fields").get(1).get("label").asText());
    }

    /** A department's label comes from any descriptor of it that names one: a type without its own shows it too. */
    @Test
    void everyTypeOfADepartmentCarriesItsLabelInTheCallersLanguage() {
        RequestType labelled = new RequestType("hr.certificate", "hr", "service-request", "HR", Map.of("de", "Zeugnis", "en", "Certificate"),
                Map.of(), List.of(), 1, true, null, null, null, null, "org.atrium.hr", null, null, null, null, null,
                Map.of("de", "Personal (HR)", "en", "Human resources"));
        Map<String, Map<String, String>> departments = DepartmentLabels.of(List.of(LEAVE, labelled));
        JsonNode leave = MAPPER.valueToTree(CatalogEntry.of(LEAVE, FormField::options, "de", departments.get("hr")));
        assertEquals("Personal (HR)", leave.get("departmentName").asText());
        assertEquals("Human resources", leave.get("departmentNames").get("en").asText());
        JsonNode english = MAPPER.valueToTree(CatalogEntry.of(LEAVE, FormField::options, "en", departments.get("hr")));
        assertEquals("Human resources", english.get("departmentName").asText());
        JsonNode none = MAPPER.valueToTree(CatalogEntry.of(LEAVE, FormField::options, "de", Map.of()));
        assertTrue(none.get("departmentNames").isEmpty(), "no label: an empty object");
        assertFalse(none.has("departmentName"));
    }
}
