package org.atrium.rest.internal.guard;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.atrium.rest.internal.problem.Problem;

/**
 * Published at the root of the CXF servlet ({@code /api}), below the API: CXF hands it every path no
 * other endpoint claims. Instead of CXF's HTML "No service was found", a path outside the API is a
 * 404 problem, and a path of the API while its endpoint is being (re)built (a bundle with resources
 * came or went) a 503 with Retry-After rather than a 404 for a ticket that exists.
 */
@Path("/")
public class FallbackResource {
    private final String apiAddress;
    @Context
    private UriInfo uri;

    /** @param apiAddress where the API is published below the servlet, {@code /v1} */
    public FallbackResource(String apiAddress) {
        this.apiAddress = apiAddress.startsWith("/") ? apiAddress : "/" + apiAddress;
    }

    Response answer(String path) {
        String absolute = "/" + path;
        if (absolute.equals(apiAddress) || absolute.startsWith(apiAddress + "/")) {
            return AvailabilityFilter.unavailable("The API is being published on this node; send the request again in a moment");
        }
        String servlet = uri == null ? "" : withoutTrailingSlash(uri.getBaseUri().getRawPath()); // /api
        return Problem.of(404, "Not Found", "There is no resource at " + servlet + absolute + "; the API is under " + servlet
                + apiAddress + " (its paths in " + servlet + apiAddress + "/openapi.json)").toResponse();
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("path") String path) {
        return answer(path);
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@PathParam("path") String path) {
        return answer(path);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@PathParam("path") String path) {
        return answer(path);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@PathParam("path") String path) {
        return answer(path);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@PathParam("path") String path) {
        return answer(path);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("path") String path) {
        return answer(path);
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options(@PathParam("path") String path) {
        return answer(path);
    }
}
