package org.atrium.rest.internal.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.health.ComponentHealth;
import org.atrium.api.health.DatabaseHealth;
import org.atrium.api.health.HealthCheck;
import org.atrium.api.health.HealthIndicator;
import org.atrium.rest.internal.RestResource;
import org.atrium.rest.internal.problem.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * GET /health, without credentials, for load balancers and monitoring: 200 with each check when this
 * node's database answers and the request-type extender, the scheduler and the outbox run; 503
 * (problem+json, naming what is down) when one does not, or while the node is still starting.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/health")
public class HealthResource implements RestResource {
    /** What a node cannot serve without, besides its database; reported down while not registered. */
    static final List<String> REQUIRED = List.of("extender", "scheduler", "outbox");

    public record Health(String status, DatabaseStatus database, Map<String, Check> checks) {
    }

    public record DatabaseStatus(String status, String product, long millis) {
    }

    public record Check(String status, String detail) {
    }

    /**
     * Dynamic and optional, not a constructor argument: while the check is missing the resource must
     * answer 503 rather than disappear (which would also republish the whole API).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthCheck check;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response health() {
        HealthCheck current = check;
        if (current == null) {
            return unavailable("The database is not ready on this node yet");
        }
        DatabaseHealth database = current.database();
        if (!database.up()) {
            return unavailable("The database does not answer: " + database.problem());
        }
        Map<String, Check> checks = checks();
        List<String> down = new ArrayList<>();
        checks.forEach((name, state) -> {
            if (!"up".equals(state.status())) {
                down.add(name + " (" + state.detail() + ")");
            }
        });
        if (!down.isEmpty()) {
            return unavailable("Down on this node: " + String.join("; ", down));
        }
        return Response.ok(new Health("up", new DatabaseStatus("up", database.product(), database.millis()), checks),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Map<String, Check> checks() {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (String name : REQUIRED) {
            checks.put(name, new Check("down", "not running on this node"));
        }
        for (HealthIndicator indicator : indicators) {
            for (ComponentHealth part : indicator.check()) {
                checks.put(part.name(), new Check(part.up() ? "up" : "down", part.detail()));
            }
        }
        return checks;
    }

    private static Response unavailable(String detail) {
        return Response.fromResponse(Problem.of(503, "Service unavailable", detail).toResponse())
                .header(HttpHeaders.RETRY_AFTER, 5).build();
    }
}
