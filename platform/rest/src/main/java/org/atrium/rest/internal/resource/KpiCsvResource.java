package org.atrium.rest.internal.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.kpi.KpiService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /kpis.csv}: the same report as {@code GET /kpis}, as CSV whatever the Accept header says. */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/kpis.csv")
public class KpiCsvResource implements RestResource {
    private final KpiService kpis;

    @Activate
    public KpiCsvResource(@Reference KpiService kpis) {
        this.kpis = kpis;
    }

    @GET
    @Produces(KpiResource.CSV)
    public String csv(@Context SecurityContext security, @Context UriInfo uri) {
        return KpiCsv.of(KpiResource.report(kpis, security, uri, "/kpis.csv"));
    }
}
