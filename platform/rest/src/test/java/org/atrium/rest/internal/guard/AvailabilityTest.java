package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import javax.ws.rs.core.Response;

import org.atrium.api.health.DatabaseHealth;
import org.atrium.rest.internal.problem.Problem;
import org.atrium.rest.internal.problem.UnexpectedExceptionMapper;
import org.junit.jupiter.api.Test;

class AvailabilityTest {
    private final Availability availability = new Availability();
    private final AvailabilityFilter filter = new AvailabilityFilter(availability);

    private Response answerTo(String path) {
        FakeRequest request = new FakeRequest("GET", path);
        filter.filter(request.context());
        return request.aborted;
    }

    @Test
    void whileResourcesAreMissingEveryRequestIs503WithRetryAfter() {
        availability.missing(Set.of("TicketResource"));
        Response answer = answerTo("tickets/IT-1");
        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(Availability.RETRY_AFTER_SECONDS), answer.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA, answer.getMediaType());
        assertTrue(((Problem) answer.getEntity()).detail().contains("TicketResource"));
        assertNull(answerTo("health"), "the health check answers for itself");
    }

    @Test
    void onceCompleteRequestsPass() {
        availability.missing(Set.of());
        assertNull(answerTo("tickets/IT-1"));
    }

    @Test
    void onceStoppingEveryRequestIs503() {
        availability.missing(Set.of());
        availability.stopping();
        Response answer = answerTo("catalog");
        assertEquals(503, answer.getStatus());
        assertTrue(((Problem) answer.getEntity()).detail().contains("shutting down"));
    }

    @Test
    void aFailureWhileTheDatabaseIsDownIs503NotA500() {
        availability.missing(Set.of());
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper(availability);
        availability.database(() -> new DatabaseHealth(false, null, 2000, "Connection refused"));
        Response down = mapper.toResponse(new IllegalStateException("pool exhausted"));
        assertEquals(503, down.getStatus());
        assertTrue(((Problem) down.getEntity()).detail().contains("Connection refused"));
        availability.database(() -> new DatabaseHealth(true, "Apache Derby", 1, null));
        Response ours = mapper.toResponse(new IllegalStateException("a bug"));
        assertEquals(500, ours.getStatus());
        assertTrue(((Problem) ours.getEntity()).detail().startsWith("The server failed to handle the request; quote error id"));
    }
}
