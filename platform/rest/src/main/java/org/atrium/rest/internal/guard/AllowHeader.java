package org.atrium.rest.internal.guard;

import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

/** Replaces CXF's {@code Allow} header (on 405 and OPTIONS answers) with the methods the path really answers. */
public class AllowHeader implements ContainerResponseFilter {
    private final AllowedMethods allowed;

    public AllowHeader(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            Set<String> methods = allowed.of(request.getUriInfo().getPath());
            if (!methods.isEmpty()) {
                response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", methods));
            }
        }
    }
}
