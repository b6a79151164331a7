package org.atrium.rest.internal.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.audit.AuditPage;
import org.atrium.api.audit.AuditTrail;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit trail, newest first, for administrators (docs/gdpr.md, "Audit"). */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource implements RestResource {
    private final AuditTrail audit;

    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    public AuditPage find(@Context SecurityContext security, @Context UriInfo uri) {
        return audit.find(Callers.of(security), AuditParameters.read(uri.getQueryParameters()));
    }
}
