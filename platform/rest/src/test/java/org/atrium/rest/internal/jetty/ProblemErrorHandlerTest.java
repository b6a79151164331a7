package org.atrium.rest.internal.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.atrium.rest.internal.JsonMapping;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ProblemErrorHandlerTest {
    private final ProblemErrorHandler handler = new ProblemErrorHandler();

    private static JsonNode json(java.nio.ByteBuffer body) throws Exception {
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return JsonMapping.objectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void headersTooLargeIsAProblemSayingSo() throws Exception {
        HttpFields fields = new HttpFields();
        JsonNode problem = json(handler.badMessageError(431, "Request Header Fields Too Large", fields));
        assertEquals("application/problem+json", fields.get("Content-Type"));
        assertEquals("nosniff", fields.get("X-Content-Type-Options"));
        assertEquals(431, problem.get("status").asInt());
        assertEquals("Request Header Fields Too Large", problem.get("title").asText());
        assertTrue(problem.get("detail").asText().contains("headers are larger"));
    }

    @Test
    void anUnparsablePathNamesJettysReason() throws Exception {
        JsonNode problem = json(handler.badMessageError(400, "Ambiguous path parameters", new HttpFields()));
        assertTrue(problem.get("detail").asText().startsWith("The request cannot be read: Ambiguous path parameters"));
    }

    @Test
    void whatTheClientSentCannotBreakOutOfTheJson() throws Exception {
        String evil = "\"}<script>\u0000\\";
        JsonNode problem = json(handler.badMessageError(400, evil, new HttpFields()));
        assertTrue(problem.get("detail").asText().contains(evil));
        assertFalse(ProblemErrorHandler.problem(400, evil).contains("<script>"));
    }
}
