package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.atrium.api.catalog.RefusedDescriptor;
import org.junit.jupiter.api.Test;

/** A refused descriptor names every mistake, each with its JSON path, not only the first. */
class DescriptorErrorsTest {

    /** Three mistakes in three places: the category, a field's type, and a choice without options. */
    private static final String THREE_MISTAKES = TestCatalogs.IT_INCIDENT
            .replace("\"category\": \"incident\"", "\"category\": \"accident\"")
            .replace("\"type\": \"textarea\"", "\"type\": \"essay\"")
            .replace(", \"options\": [\"email\", \"vpn\", \"erp\"]", "");

    @Test
    void threeMistakesAreThreeErrors() {
        List<DescriptorCheck.Problem> problems = DescriptorCheck.check(THREE_MISTAKES.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("$.category", "$.fields[0].options", "$.fields[1].type"),
                problems.stream().map(DescriptorCheck.Problem::path).sorted().toList(), problems.toString());
    }

    @Test
    void aValidDescriptorHasNoProblems() {
        assertEquals(List.of(), DescriptorCheck.check(TestCatalogs.IT_INCIDENT.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownMembersAreEachAnError() {
        String json = TestCatalogs.IT_INCIDENT.replace("\"schemaVersion\": 1,", "\"schemaVersion\": 0, \"colour\": 1, \"size\": 2,");
        assertEquals(List.of("$.colour", "$.schemaVersion", "$.size"),
                DescriptorCheck.check(json.getBytes(StandardCharsets.UTF_8)).stream().map(DescriptorCheck.Problem::path).sorted().toList());
    }

    @Test
    void aReferenceToAWrongFieldIsNotReportedTwice() {
        String json = TestCatalogs.IT_INCIDENT.replace("\"type\": \"textarea\"", "\"type\": \"essay\"")
                .replace("{\"name\": \"users\", \"type\": \"number\",",
                        "{\"name\": \"users\", \"type\": \"number\", \"shownWhen\": {\"field\": \"details\", \"equals\": \"x\"},");
        assertEquals(List.of("$.fields[1].type"),
                DescriptorCheck.check(json.getBytes(StandardCharsets.UTF_8)).stream().map(DescriptorCheck.Problem::path).toList());
    }

    @Test
    void invalidJsonIsOneErrorOnTheFile() {
        List<DescriptorCheck.Problem> problems = DescriptorCheck.check("{\"key\": ".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, problems.size());
        assertEquals("$", problems.get(0).path());
    }

    @Test
    void theExtenderListsEveryErrorOfARefusedFile() {
        RequestTypeCatalog catalog = new RequestTypeCatalog();
        TestCatalogs.add(catalog, 3, "com.example.travel", THREE_MISTAKES);
        assertEquals(List.of(), catalog.all());
        List<RefusedDescriptor> refused = catalog.refused();
        assertEquals(List.of("category", "fields[0].options", "fields[1].type"),
                refused.stream().map(RefusedDescriptor::field).sorted().toList());
        refused.forEach(r -> assertEquals("com.example.travel", r.bundle()));
        refused.forEach(r -> assertEquals("/atrium/type0.json", r.file()));
    }
}
