package org.atrium.rest.internal.problem;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** JAX-RS's own errors (unknown path, wrong method, unsupported media type) as problem+json. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String title = original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, title, e.getMessage()).toResponse());
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
