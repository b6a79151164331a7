package org.atrium.rest.internal.resource;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.approval.Approval;
import org.atrium.api.approval.ApprovalService;
import org.atrium.api.approval.Decision;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The approver's inbox and decisions. Who may decide what is checked by ApprovalService; this
 * resource only reads the request strictly.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource implements RestResource {
    private final ApprovalService approvals;

    /** {@code POST /approvals/{id}/hand-over}: the colleague who decides instead. */
    public record HandOver(String to) {
    }

    @Activate
    public ApprovalResource(@Reference ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** {@code ?state=pending} (the default), {@code decided} or {@code all}; any other parameter is a 400. */
    @GET
    public List<Approval> inbox(@Context SecurityContext security, @Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        for (String name : parameters.keySet()) {
            if (!"state".equals(name)) {
                throw new ValidationException(name, "is not a parameter of /approvals; the only one is state");
            }
        }
        List<String> states = parameters.get("state");
        if (states != null && states.size() > 1) {
            throw new ValidationException("state", "may be given once");
        }
        return approvals.inbox(Callers.of(security), states == null ? null : states.get(0));
    }

    @GET
    @Path("{id}")
    public Approval get(@Context SecurityContext security, @PathParam("id") String id) {
        return approvals.get(Callers.of(security), id(id));
    }

    @POST
    @Path("{id}")
    public Approval decide(@Context SecurityContext security, @PathParam("id") String id, Decision body) {
        if (body == null) {
            throw new ValidationException("(body)", "is required: {\"decision\": \"approve\" | \"reject\", \"comment\": \"...\"}");
        }
        return approvals.decide(Callers.of(security), id(id), body);
    }

    @POST
    @Path("{id}/hand-over")
    public Approval handOver(@Context SecurityContext security, @PathParam("id") String id, HandOver body) {
        if (body == null) {
            throw new ValidationException("(body)", "is required: {\"to\": \"<person id>\"}");
        }
        return approvals.handOver(Callers.of(security), id(id), body.to());
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No approval " + id);
        }
    }
}
