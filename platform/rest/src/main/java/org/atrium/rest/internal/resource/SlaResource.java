package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.sla.SlaClockEntry;
import org.atrium.api.sla.SlaService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A department's clocks at risk and its breaches; who may read them is checked by SlaService. */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource implements RestResource {
    private final SlaService sla;

    @Activate
    public SlaResource(@Reference SlaService sla) {
        this.sla = sla;
    }

    /** {@code GET /sla/at-risk?department=&limit=}: running clocks, nearest breach first. */
    @GET
    @Path("at-risk")
    public List<SlaClockEntry> atRisk(@Context SecurityContext security, @Context UriInfo uri) {
        SlaParameters p = SlaParameters.read("/sla/at-risk", uri.getQueryParameters(), Set.of("department", "limit"));
        return sla.atRisk(Callers.of(security), p.department(), p.limit());
    }

    /** {@code GET /sla/breaches?department=&from=&to=&limit=}: breaches recorded in the period, latest first. */
    @GET
    @Path("breaches")
    public List<SlaClockEntry> breaches(@Context SecurityContext security, @Context UriInfo uri) {
        SlaParameters p = SlaParameters.read("/sla/breaches", uri.getQueryParameters(), Set.of("department", "from", "to", "limit"));
        return sla.breaches(Callers.of(security), p.department(), p.from(), p.to(), p.limit());
    }
}
