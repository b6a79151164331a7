package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.atrium.itests.AtriumTestSupport.Reply;

/** Assertions on REST replies that several container tests share. */
final class RestAssertions {
    private RestAssertions() {
    }

    /** A 400 problem+json whose errors name exactly this one field. */
    static void assertProblemAt(Reply reply, String field) {
        assertEquals(reply.raw().body(), 400, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        reply.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(reply.raw().body(), List.of(field), fields);
    }
}
