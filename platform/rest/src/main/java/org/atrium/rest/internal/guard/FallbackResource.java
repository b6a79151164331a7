package org.atrium.rest.internal.guard;

import javax.annotation.Priority;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

import org.atrium.rest.internal.problem.Problem;

/**
 * Answers every request to the endpoint at the root of the CXF servlet ({@code /api}), below the API:
 * CXF hands it every path no other endpoint claims. Instead of CXF's HTML "No service was found", a path
 * outside the API is a 404 problem, and a path of the API while its endpoint is being (re)built (a bundle
 * with resources came or went) a 503 with Retry-After rather than a 404 for a ticket that exists. One
 * pre-matching filter for every method, so that no method needs a resource method of its own.
 */
@PreMatching
@Priority(1)
public class FallbackResource implements ContainerRequestFilter {
    private final String apiAddress;

    /** @param apiAddress where the API is published below the servlet, {@code /v1} */
    public FallbackResource(String apiAddress) {
        this.apiAddress = apiAddress.startsWith("/") ? apiAddress : "/" + apiAddress;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.abortWith(answer(request.getUriInfo().getPath(), request.getUriInfo().getBaseUri().getRawPath()));
    }

    /**
     * @param path    the request's path below the servlet, with or without its leading slash
     * @param servlet the servlet's path ({@code /api/}), for the detail
     */
    Response answer(String path, String servlet) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        if (absolute.equals(apiAddress) || absolute.startsWith(apiAddress + "/")) {
            return AvailabilityFilter.unavailable("The API is being published on this node; send the request again in a moment");
        }
        String base = withoutTrailingSlash(servlet);
        return Problem.of(404, "Not Found", "There is no resource at " + base + absolute + "; the API is under " + base
                + apiAddress + " (its paths in " + base + apiAddress + "/openapi.json)").toResponse();
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The endpoint's one resource: CXF publishes no endpoint without one. The filter answers before it is ever matched. */
    @Path("/")
    public static class FallbackAnchor {
        @GET
        public Response unreachable() {
            return Response.status(404).build();
        }
    }
}
