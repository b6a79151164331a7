package org.atrium.rest.internal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Set;

import org.apache.cxf.interceptor.Fault;
import org.atrium.api.health.DatabaseHealth;
import org.atrium.rest.internal.guard.Availability;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {
    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper(serving());

    /** A node that is up (API complete, database answering): an unexpected failure there is a 500. */
    private static Availability serving() {
        Availability availability = new Availability();
        availability.missing(Set.of());
        availability.database(() -> new DatabaseHealth(true, "Apache Derby", 1, null));
        return availability;
    }

    @Test
    void aClientThatHungUpMidAnswerIsNoServerError() {
        // as CXF hands it over when Jetty could not write the answer: Jetty's EofException under an IOException under a Fault
        Throwable disconnect = new Fault(new IOException("writing the answer", new EofException("Broken pipe")));
        assertEquals(400, mapper.toResponse(disconnect).getStatus());
        assertEquals(400, mapper.toResponse(new EofException()).getStatus());
    }

    @Test
    void anythingElseIsAnInternalError() {
        assertEquals(500, mapper.toResponse(new IllegalStateException("bug")).getStatus());
        assertEquals(500, mapper.toResponse(new IOException("disk full")).getStatus());
    }
}
