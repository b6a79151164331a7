package org.atrium.rest.internal.guard;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Headers on every answer of the API, errors included: the API's JSON is never sniffed as HTML, never
 * framed, never cached (answers hold personal data and change with every command), and sends no
 * referrer. Strict-Transport-Security only when the request came over TLS (RFC 6797: a browser ignores
 * it over plain HTTP, and an operator who has not set up TLS must not lock browsers out).
 */
public class SecurityHeaders implements ContainerResponseFilter {
    static final String HSTS = "max-age=31536000";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        if (secure(request)) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
    }

    private static boolean secure(ContainerRequestContext request) {
        return request.getSecurityContext().isSecure() || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
    }
}
