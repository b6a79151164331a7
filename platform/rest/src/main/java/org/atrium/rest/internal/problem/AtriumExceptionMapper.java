package org.atrium.rest.internal.problem;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.atrium.api.AtriumException;
import org.atrium.api.ConflictException;
import org.atrium.api.ValidationException;
import org.atrium.api.rest.JaxrsExtension;
import org.osgi.service.component.annotations.Component;

/** The service layer's deliberate errors, each with its own status (a partner resource's too: they are API types). */
@JaxrsExtension
@Component(service = ExceptionMapper.class)
public class AtriumExceptionMapper implements ExceptionMapper<AtriumException> {
    @Override
    public Response toResponse(AtriumException e) {
        var errors = e instanceof ValidationException invalid ? invalid.errors() : null;
        Long version = e instanceof ConflictException conflict ? conflict.currentVersion() : null;
        return new Problem("about:blank", e.title(), e.status(), e.getMessage(), errors, version).toResponse();
    }
}
