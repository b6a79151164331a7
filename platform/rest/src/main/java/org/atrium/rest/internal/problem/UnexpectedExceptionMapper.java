package org.atrium.rest.internal.problem;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.atrium.rest.internal.guard.Availability;
import org.atrium.rest.internal.guard.AvailabilityFilter;
import org.atrium.api.rest.JaxrsExtension;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else is our fault: log it with an id the client can quote, reveal nothing internal. Unless
 * the node could not serve at all (its database is down, it is stopping): that is a 503 the client may
 * retry, not a 500. A client that disconnected mid-answer is logged at DEBUG only.
 */
@JaxrsExtension
@Component(service = ExceptionMapper.class)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    private final Availability availability;

    @Activate
    public UnexpectedExceptionMapper(@Reference Availability availability) {
        this.availability = availability;
    }

    @Override
    public Response toResponse(Throwable e) {
        if (ClientDisconnect.causedBy(e)) {
            // a client that hung up mid-answer is not a server error: no ERROR, no stack trace
            LOG.debug("The client closed the connection before its answer was written: {}", e.toString());
            return Problem.of(400, "Client closed the connection", "The answer could not be delivered").toResponse();
        }
        String unavailable = availability.causeOfFailure();
        if (unavailable != null) {
            LOG.warn("A request failed while this node could not serve ({}): {}", unavailable, e.toString());
            return AvailabilityFilter.unavailable(unavailable);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} while serving a request", incident, e);
        return Problem.of(500, "Internal error", "The server failed to handle the request; quote error id " + incident).toResponse();
    }
}
