package org.atrium.rest.internal.guard;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.atrium.rest.internal.problem.Problem;

/**
 * 503 with {@code Retry-After} for every request while the node is starting or stopping, so that a
 * client never reads "404: no such ticket" for a ticket that exists. {@code /health} answers for
 * itself (it reports the same state to load balancers), as does the OpenAPI document.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public class AvailabilityFilter implements ContainerRequestFilter {
    private final Availability availability;

    public AvailabilityFilter(Availability availability) {
        this.availability = availability;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("health") || path.equals("openapi.json")) {
            return;
        }
        String reason = availability.unavailable();
        if (reason != null) {
            request.abortWith(unavailable(reason));
        }
    }

    public static Response unavailable(String reason) {
        return Response.fromResponse(Problem.of(503, "Service Unavailable", reason).toResponse())
                .header(HttpHeaders.RETRY_AFTER, Availability.RETRY_AFTER_SECONDS).build();
    }
}
