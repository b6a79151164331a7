package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RoutingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A descriptor's routing: read as written, or refused naming the rule member at fault. */
class RoutingReaderTest {

    private static String descriptor(String routing) {
        return """
                {
                  "key": "it.routed", "department": "it", "category": "incident", "keyPrefix": "IT", "schemaVersion": 1,
                  "names": {"de": "Störung", "en": "Incident"},
                  "fields": [
                    {"name": "service", "type": "choice", "labels": {"de": "Dienst", "en": "Service"}, "options": ["vpn", "email"]},
                    {"name": "room", "type": "text", "labels": {"de": "Raum", "en": "Room"}}
                  ],
                  "routing": %s
                }
                """.formatted(routing);
    }

    private static RequestType read(String routing) throws DescriptorException {
        return DescriptorReader.read(new ByteArrayInputStream(descriptor(routing).getBytes(StandardCharsets.UTF_8)), "org.atrium.test");
    }

    @Test
    void readsRulesInOrder() throws DescriptorException {
        RequestType type = read("""
                [{"when": {"field": "service", "in": ["vpn"]}, "group": "network"},
                 {"when": {"field": "room", "in": ["B-12", "B-13"]}, "group": "workplace"},
                 {"group": "service-desk"}]""");
        assertEquals(List.of(new RoutingRule("service", List.of("vpn"), "network"),
                new RoutingRule("room", List.of("B-12", "B-13"), "workplace"), RoutingRule.always("service-desk")), type.routing());
    }

    @Test
    void isOptional() throws DescriptorException {
        assertEquals(List.of(), DescriptorReader.read(new ByteArrayInputStream(descriptor("null").getBytes(StandardCharsets.UTF_8)),
                "org.atrium.test").routing());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{\"group\": \"x\"}; routing; must be a list",
            "[\"network\"]; routing[0]; must be an object",
            "[{\"group\": \"Network!\"}]; routing[0].group; group key",
            "[{\"when\": {\"field\": \"service\", \"in\": [\"vpn\"]}}]; routing[0].group; is required",
            "[{\"when\": {\"field\": \"nope\", \"in\": [\"vpn\"]}, \"group\": \"network\"}]; routing[0].when.field; names no field",
            "[{\"when\": {\"field\": \"service\", \"in\": [\"fax\"]}, \"group\": \"network\"}]; routing[0].when.in[0]; is not an option",
            "[{\"when\": {\"field\": \"service\", \"in\": []}, \"group\": \"network\"}]; routing[0].when.in; must list",
            "[{\"when\": {\"field\": \"service\", \"is\": [\"vpn\"]}, \"group\": \"network\"}]; routing[0].when.is; is not a descriptor member",
            "[{\"group\": \"a\"}, {\"when\": {\"field\": \"service\", \"in\": [\"vpn\"]}, \"group\": \"b\"}]; routing[0]; put it last",
            "[{\"group\": \"a\", \"queue\": \"b\"}]; routing[0].queue; is not a descriptor member"})
    void refusesNamingTheMember(String routing, String field, String reason) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(routing));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
