package org.atrium.rest.internal.guard;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

/**
 * Cross-origin access for a portal served from another origin, for the origins the configuration
 * lists ({@code corsAllowedOrigins} in {@code etc/org.atrium.rest.cfg}; none by default, so a browser
 * on any other origin gets no CORS headers and cannot read an answer). A preflight (OPTIONS with
 * {@code Access-Control-Request-Method}) from an allowed origin is answered 204 here, before
 * authentication: browsers send preflights without credentials. The actual request is authenticated
 * as every other. A preflight from another origin falls through (401, as any anonymous request).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class Cors implements ContainerRequestFilter, ContainerResponseFilter {
    static final String METHODS = "GET, POST, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type, Accept, Accept-Language, X-CSRF-Token";
    static final String EXPOSED = "Location, Retry-After, Allow";
    private final Set<String> origins;
    private final long maxAgeSeconds;

    public Cors(String allowedOrigins, long maxAgeSeconds) {
        this.origins = allowedOrigins == null ? Set.of()
                : Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(origin -> !origin.isEmpty())
                        .map(Cors::withoutTrailingSlash).collect(Collectors.toUnmodifiableSet());
        this.maxAgeSeconds = maxAgeSeconds;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null && allowed(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", METHODS)
                    .header("Access-Control-Allow-Headers", HEADERS)
                    .header("Access-Control-Max-Age", maxAgeSeconds)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        if (allowed(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Allow-Credentials", "true");
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    boolean allowed(String origin) {
        return origin != null && origins.contains(withoutTrailingSlash(origin));
    }

    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
