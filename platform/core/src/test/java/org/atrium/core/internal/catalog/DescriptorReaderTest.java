package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.junit.jupiter.api.Test;

class DescriptorReaderTest {

    private static RequestType read(String json) throws DescriptorException {
        return DescriptorReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "org.atrium.it");
    }

    /** Reads a descriptor that must be refused and returns the field it names. */
    private static DescriptorException refused(String json) {
        return assertThrows(DescriptorException.class, () -> read(json));
    }

    private static String incidentWith(String from, String to) {
        String json = TestCatalogs.IT_INCIDENT;
        assertTrue(json.contains(from), "fixture does not contain " + from);
        return json.replace(from, to);
    }

    /** The optional department label: both languages, and no part of the type's version (its hash). */
    @Test
    void aDepartmentLabelIsReadAndChangesNoVersion() throws DescriptorException {
        assertEquals(Map.of(), read(TestCatalogs.IT_INCIDENT).departmentNames(), "optional");
        String labelled = incidentWith("\"department\": \"it\",", "\"department\": \"it\", \"departmentNames\": {\"de\": \"IT-Abteilung\", \"en\": \"IT\"},");
        assertEquals(Map.of("de", "IT-Abteilung", "en", "IT"), read(labelled).departmentNames());
        assertEquals(DescriptorReader.contentHash(TestCatalogs.IT_INCIDENT.getBytes(StandardCharsets.UTF_8)),
                DescriptorReader.contentHash(labelled.getBytes(StandardCharsets.UTF_8)), "a label needs no new schemaVersion");
        assertEquals("departmentNames.en", refused(incidentWith("\"department\": \"it\",",
                "\"department\": \"it\", \"departmentNames\": {\"de\": \"IT\"},")).field());
    }

    @Test
    void readsValidDescriptor() throws DescriptorException {
        RequestType type = read(TestCatalogs.IT_INCIDENT);
        assertEquals("it.incident", type.key());
        assertEquals("it", type.department());
        assertEquals("incident", type.category());
        assertEquals("IT", type.keyPrefix());
        assertEquals(1, type.schemaVersion());
        assertFalse(type.confidential());
        assertEquals("org.atrium.it", type.bundle());
        assertEquals(Map.of("de", "Störung", "en", "Incident"), type.names());
        assertEquals("Something is broken", type.help().get("en"));
        assertEquals(List.of("affectedService", "details", "users", "since", "onsite"),
                type.fields().stream().map(FormField::name).toList());
        FormField service = type.fields().get(0);
        assertEquals("choice", service.type());
        assertTrue(service.required());
        assertEquals(List.of("email", "vpn", "erp"), service.options().stream().map(FieldOption::value).toList());
        assertEquals("vpn", service.options().get(1).labels().get("de"), "a plain option is its own label");
        assertEquals("Service", service.labels().get("en"));
        FormField details = type.fields().get(1);
        assertFalse(details.required());
        assertEquals(List.of(), details.options());
    }

    @Test
    void readsMinimalConfidentialDescriptorWithoutHelpOrFields() throws DescriptorException {
        RequestType type = read(TestCatalogs.HR_QUESTION);
        assertEquals(List.of(), type.fields());
        assertEquals(Map.of(), type.help());
        assertTrue(read(TestCatalogs.HR_CASE).confidential());
    }

    @Test
    void refusesBadJson() {
        DescriptorException e = refused("{\"key\": \"it.incident\",\n \"department\": }");
        assertEquals("(file)", e.field());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        assertEquals("(file)", refused("[1, 2]").field());
        assertEquals("(file)", refused("").field());
    }

    @Test
    void refusesMissingGermanName() {
        DescriptorException e = refused(incidentWith("\"names\": {\"de\": \"Störung\", \"en\": \"Incident\"}",
                "\"names\": {\"en\": \"Incident\"}"));
        assertEquals("names.de", e.field());
    }

    @Test
    void refusesBlankEnglishHelp() {
        assertEquals("help.en", refused(incidentWith("\"en\": \"Something is broken\"", "\"en\": \" \"")).field());
    }

    @Test
    void refusesMissingNames() {
        assertEquals("names", refused(incidentWith("\"names\": {\"de\": \"Störung\", \"en\": \"Incident\"},", "")).field());
    }

    @Test
    void refusesUnknownTopLevelMember() {
        DescriptorException e = refused(incidentWith("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"colour\": \"red\","));
        assertEquals("colour", e.field());
        assertTrue(e.getMessage().contains("keyPrefix"), "lists the known members: " + e.getMessage());
    }

    @Test
    void refusesUnknownFieldMember() {
        assertEquals("fields[1].placeholder", refused(incidentWith("{\"name\": \"details\",",
                "{\"name\": \"details\", \"placeholder\": \"...\",")).field());
    }

    @Test
    void refusesBadCategory() {
        DescriptorException e = refused(incidentWith("\"category\": \"incident\"", "\"category\": \"emergency\""));
        assertEquals("category", e.field());
        assertTrue(e.getMessage().contains("service-request"), e.getMessage());
    }

    @Test
    void refusesMissingCategory() {
        assertEquals("category", refused(incidentWith("\"category\": \"incident\",", "")).field());
    }

    @Test
    void refusesKeyOutsideDepartment() {
        DescriptorException e = refused(incidentWith("\"key\": \"it.incident\"", "\"key\": \"hr.incident\""));
        assertEquals("key", e.field());
        assertTrue(e.getMessage().contains("\"it.\""), e.getMessage());
    }

    @Test
    void refusesKeyThatMerelySharesTheDepartmentsLetters() {
        assertEquals("key", refused(incidentWith("\"key\": \"it.incident\"", "\"key\": \"itx.incident\"")).field());
    }

    @Test
    void refusesBadlyFormedKeyDepartmentAndPrefix() {
        assertEquals("key", refused(incidentWith("\"key\": \"it.incident\"", "\"key\": \"IT.Incident\"")).field());
        assertEquals("key", refused(incidentWith("\"key\": \"it.incident\"", "\"key\": \"incident\"")).field());
        assertEquals("department", refused(incidentWith("\"department\": \"it\"", "\"department\": \"I T\"")).field());
        assertEquals("keyPrefix", refused(incidentWith("\"keyPrefix\": \"IT\"", "\"keyPrefix\": \"it\"")).field());
        assertEquals("keyPrefix", refused(incidentWith("\"keyPrefix\": \"IT\"", "\"keyPrefix\": \"ABCDEFGHIJK\"")).field());
    }

    @Test
    void refusesBadSchemaVersionAndConfidential() {
        assertEquals("schemaVersion", refused(incidentWith("\"schemaVersion\": 1", "\"schemaVersion\": 0")).field());
        assertEquals("schemaVersion", refused(incidentWith("\"schemaVersion\": 1", "\"schemaVersion\": 1.5")).field());
        assertEquals("schemaVersion", refused(incidentWith("\"schemaVersion\": 1", "\"schemaVersion\": \"1\"")).field());
        assertEquals("confidential", refused(incidentWith("\"schemaVersion\": 1,",
                "\"schemaVersion\": 1, \"confidential\": \"yes\",")).field());
    }

    @Test
    void refusesChoiceWithoutOptions() {
        DescriptorException e = refused(incidentWith(", \"options\": [\"email\", \"vpn\", \"erp\"]", ""));
        assertEquals("fields[0].options", e.field());
        assertTrue(e.getMessage().contains("choice"), e.getMessage());
    }

    @Test
    void refusesChoiceWithEmptyOptions() {
        assertEquals("fields[0].options", refused(incidentWith("[\"email\", \"vpn\", \"erp\"]", "[]")).field());
    }

    @Test
    void refusesDuplicateFieldName() {
        DescriptorException e = refused(incidentWith("{\"name\": \"users\"", "{\"name\": \"details\""));
        assertEquals("fields[2].name", e.field());
        assertTrue(e.getMessage().contains("details"), e.getMessage());
    }

    @Test
    void refusesUnknownFieldType() {
        assertEquals("fields[3].type", refused(incidentWith("\"type\": \"date\"", "\"type\": \"datetime\"")).field());
    }

    @Test
    void refusesFieldWithoutLabelsOrWithBadName() {
        assertEquals("fields[1].labels", refused(incidentWith(
                ", \"labels\": {\"de\": \"Details\", \"en\": \"Details\"}", "")).field());
        assertEquals("fields[1].name", refused(incidentWith("{\"name\": \"details\"", "{\"name\": \"1details\"")).field());
        assertEquals("fields[4].required", refused(incidentWith("\"type\": \"boolean\"",
                "\"type\": \"boolean\", \"required\": \"no\"")).field());
    }
}
