package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.atrium.api.catalog.Audience;
import org.atrium.api.catalog.RequestType;
import org.atrium.core.internal.form.Json;
import org.junit.jupiter.api.Test;

/** The {@code audience} member of a descriptor: its shapes, and each refusal naming the member at fault. */
class AudienceReaderTest {

    private static String descriptor(String audience) {
        return """
                {"key": "hr.exit", "department": "hr", "category": "service-request", "keyPrefix": "HR", "schemaVersion": 1,
                 "names": {"de": "Austritt", "en": "Exit"}%s,
                 "fields": [
                   {"name": "employee", "type": "person", "labels": {"de": "Person", "en": "Person"}},
                   {"name": "team", "type": "person-list", "labels": {"de": "Team", "en": "Team"}},
                   {"name": "note", "type": "text", "labels": {"de": "Notiz", "en": "Note"}}
                 ]}
                """.formatted(audience == null ? "" : ", \"audience\": " + audience);
    }

    private static Audience read(String audience) throws DescriptorException {
        RequestType type = DescriptorReader.read(new ByteArrayInputStream(descriptor(audience).getBytes(StandardCharsets.UTF_8)), "b");
        return type.audience();
    }

    private static String refusedAt(String field, String audience) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(audience), audience);
        assertEquals(field, e.field(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void withoutAudienceEveryEmployeeMayFile() throws DescriptorException {
        assertEquals(Audience.EVERYONE, read(null));
        assertEquals(Audience.EVERYONE, read("\"everyone\""));
    }

    @Test
    void readsOneEntryOrAnyOf() throws DescriptorException {
        assertEquals(Set.of("agent-hr"), read("\"role:agent-hr\"").roles());
        assertFalse(read("\"role:agent-hr\"").everyone());
        assertEquals(List.of("employee"), read("{\"managerOf\": \"employee\"}").managerOf());
        Audience any = read("{\"anyOf\": [\"agents\", \"managers\", \"role:cab\", {\"managerOf\": \"employee\"}]}");
        assertTrue(any.agents());
        assertTrue(any.managers());
        assertFalse(any.everyone());
        assertEquals(Set.of("cab"), any.roles());
        assertEquals(List.of("employee"), any.managerOf());
        assertEquals(List.of("agents", "managers", "role:cab", "managerOf:employee"), any.entries());
    }

    @Test
    void aStoredTypeVersionKeepsItsAudience() throws Exception {
        RequestType type = DescriptorReader.read(new ByteArrayInputStream(descriptor(
                "{\"anyOf\": [\"agents\", \"role:cab\", {\"managerOf\": \"employee\"}]}").getBytes(StandardCharsets.UTF_8)), "b");
        // PinnedTypes stores a version as this JSON and reads it back the same way
        RequestType back = Json.MAPPER.readValue(Json.write(type), RequestType.class);
        assertEquals(type.audience(), back.audience());
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.MAPPER.valueToTree(type);
        tree.remove("audience");
        String before = Json.MAPPER.writeValueAsString(tree);
        assertEquals(Audience.EVERYONE, Json.MAPPER.readValue(before, RequestType.class).audience(), "versions stored before audiences");
    }

    @Test
    void managerOfMustNameAPersonFieldOfTheForm() {
        assertTrue(refusedAt("audience.managerOf", "{\"managerOf\": \"nobody\"}").contains("must name a person field of this form"));
        assertTrue(refusedAt("audience.anyOf[1].managerOf", "{\"anyOf\": [\"agents\", {\"managerOf\": \"note\"}]}")
                .contains("\"note\" is a text field"));
        assertTrue(refusedAt("audience.managerOf", "{\"managerOf\": \"team\"}").contains("is a person-list field"));
        refusedAt("audience.managerOf", "{\"managerOf\": 5}");
    }

    @Test
    void refusesWhatIsNoAudience() {
        assertTrue(refusedAt("audience", "\"bosses\"").contains("\"role:NAME\""));
        refusedAt("audience", "\"role:\"");
        refusedAt("audience", "\"role:has blank\"");
        refusedAt("audience", "[\"agents\"]");
        refusedAt("audience", "true");
        refusedAt("audience.anyOf", "{\"anyOf\": []}");
        refusedAt("audience.anyOf", "{\"anyOf\": \"agents\"}");
        refusedAt("audience.or", "{\"anyOf\": [\"agents\"], \"or\": 1}");
        refusedAt("audience.anyOf[0].anyOf", "{\"anyOf\": [{\"anyOf\": [\"agents\"]}]}");
        refusedAt("audience.anyOf[1]", "{\"anyOf\": [\"role:cab\", \"role:cab\"]}");
        refusedAt("audience.anyOf[1]", "{\"anyOf\": [{\"managerOf\": \"employee\"}, {\"managerOf\": \"employee\"}]}");
        refusedAt("audience.managerOf", "{}");
    }
}
