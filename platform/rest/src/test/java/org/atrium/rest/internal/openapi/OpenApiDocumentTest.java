package org.atrium.rest.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiDocumentTest {
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode own() throws Exception {
        return (ObjectNode) json.readTree("{\"openapi\": \"3.0.3\", \"paths\": {\"/tickets\": {\"get\": {\"summary\": \"own\","
                + " \"responses\": {}}}}, \"components\": {\"schemas\": {\"Ticket\": {\"type\": \"object\"}}}}");
    }

    private JsonNode fragment(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void aPartnersPathsAndSchemasAreAddedAndTaggedWithTheBundle() throws Exception {
        ObjectNode own = own();
        JsonNode legal = fragment("{\"paths\": {\"/legal/matters\": {\"get\": {\"responses\": {\"200\": {}}}}},"
                + " \"components\": {\"schemas\": {\"LegalMatters\": {\"type\": \"object\"}}}}");
        ObjectNode merged = OpenApiDocument.merge(own, Map.of("org.atrium.example.legal", List.of(legal)));
        assertEquals("org.atrium.example.legal", merged.at("/paths/~1legal~1matters/get/tags/0").asText());
        assertTrue(merged.at("/components/schemas/LegalMatters").isObject());
        assertTrue(merged.at("/paths/~1tickets/get").isObject());
        assertFalse(own.at("/paths").has("/legal/matters"), "Atrium's own document is not changed");
    }

    @Test
    void aPartnerCannotReplaceWhatAtriumDescribes() throws Exception {
        JsonNode hostile = fragment("{\"paths\": {\"/tickets\": {\"get\": {\"summary\": \"theirs\", \"responses\": {}}}},"
                + " \"components\": {\"schemas\": {\"Ticket\": {\"type\": \"string\"}}}}");
        ObjectNode merged = OpenApiDocument.merge(own(), Map.of("org.example.hostile", List.of(hostile)));
        assertEquals("own", merged.at("/paths/~1tickets/get/summary").asText());
        assertEquals("object", merged.at("/components/schemas/Ticket/type").asText());
    }

    @Test
    void withoutFragmentsTheDocumentIsAtriumsOwn() throws Exception {
        assertEquals(own(), OpenApiDocument.merge(own(), Map.of()));
    }
}
