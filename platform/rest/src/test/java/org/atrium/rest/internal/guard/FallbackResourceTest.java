package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.core.Response;

import org.atrium.rest.internal.problem.Problem;
import org.junit.jupiter.api.Test;

class FallbackResourceTest {
    private final FallbackResource fallback = new FallbackResource("/v1");

    @Test
    void aPathOutsideTheApiIsA404Problem() {
        Response answer = fallback.answer("x/y", "/api/");
        assertEquals(404, answer.getStatus());
        assertEquals(Problem.MEDIA, answer.getMediaType());
        assertTrue(((Problem) answer.getEntity()).detail().contains("/api/x/y"));
    }

    @Test
    void aPathOfTheApiWhileItIsBeingPublishedIs503() {
        Response answer = fallback.answer("/v1/tickets/IT-1/comments", "/api/");
        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(Availability.RETRY_AFTER_SECONDS), answer.getHeaderString("Retry-After"));
        assertEquals(503, fallback.answer("v1", "/api/").getStatus());
        assertEquals(404, fallback.answer("v10/tickets", "/api/").getStatus());
    }
}
