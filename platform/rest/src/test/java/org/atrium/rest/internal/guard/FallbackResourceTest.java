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
        Response answer = fallback.get("x/y");
        assertEquals(404, answer.getStatus());
        assertEquals(Problem.MEDIA, answer.getMediaType());
        assertTrue(((Problem) answer.getEntity()).detail().contains("/x/y"));
    }

    @Test
    void aPathOfTheApiWhileItIsBeingPublishedIs503() {
        Response answer = fallback.post("v1/tickets/IT-1/comments");
        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(Availability.RETRY_AFTER_SECONDS), answer.getHeaderString("Retry-After"));
        assertEquals(503, fallback.get("v1").getStatus());
        assertEquals(404, fallback.get("v10/tickets").getStatus());
    }
}
