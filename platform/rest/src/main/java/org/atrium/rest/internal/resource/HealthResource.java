package org.atrium.rest.internal.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atrium.api.health.DatabaseHealth;
import org.atrium.api.health.HealthCheck;
import org.atrium.rest.internal.RestResource;
import org.atrium.rest.internal.problem.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * GET /health, without credentials, for load balancers: 200 when this node's database answers, 503
 * (problem+json) when it does not or while the node is still starting (no check registered yet).
 */
@Component(service = RestResource.class)
@Path("/health")
public class HealthResource implements RestResource {

    public record Health(String status, DatabaseStatus database) {
    }

    public record DatabaseStatus(String status, String product, long millis) {
    }

    /**
     * Dynamic and optional, not a constructor argument: while the check is missing the resource must
     * answer 503 rather than disappear (which would also republish the whole API).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthCheck check;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response health() {
        HealthCheck current = check;
        if (current == null) {
            return Problem.of(503, "Service unavailable", "The database is not ready on this node yet").toResponse();
        }
        DatabaseHealth database = current.database();
        if (!database.up()) {
            return Problem.of(503, "Service unavailable", "The database does not answer: " + database.problem()).toResponse();
        }
        return Response.ok(new Health("up", new DatabaseStatus("up", database.product(), database.millis())),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
