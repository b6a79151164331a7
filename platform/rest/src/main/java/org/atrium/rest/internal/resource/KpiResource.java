package org.atrium.rest.internal.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.kpi.KpiReport;
import org.atrium.api.kpi.KpiService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /kpis}: the KPIs of docs/kpis.md as JSON, or as CSV with {@code Accept: text/csv}
 * (KpiCsvResource serves {@code /kpis.csv}); who may read them and the figures are KpiService's.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/kpis")
public class KpiResource implements RestResource {
    static final String CSV = "text/csv";
    private final KpiService kpis;

    @Activate
    public KpiResource(@Reference KpiService kpis) {
        this.kpis = kpis;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public KpiReport json(@Context SecurityContext security, @Context UriInfo uri) {
        return report(kpis, security, uri, "/kpis");
    }

    @GET
    @Produces(CSV + ";qs=0.5")
    public String csv(@Context SecurityContext security, @Context UriInfo uri) {
        return KpiCsv.of(report(kpis, security, uri, "/kpis"));
    }

    static KpiReport report(KpiService kpis, SecurityContext security, UriInfo uri, String path) {
        return kpis.report(Callers.of(security), KpiParameters.read(path, uri.getQueryParameters()));
    }
}
