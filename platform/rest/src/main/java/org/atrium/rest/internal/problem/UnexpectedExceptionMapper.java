package org.atrium.rest.internal.problem;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our fault: log it with an id the client can quote, reveal nothing internal. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} while serving a request", incident, e);
        return Problem.of(500, "Internal error", "The server failed to handle the request; quote error id " + incident).toResponse();
    }
}
