package org.atrium.rest.internal.resource;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** GET /catalog: the request types installed right now, with their forms, in German and English. */
@Component(service = RestResource.class)
@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource implements RestResource {
    private final RequestTypeRegistry registry;

    @Activate
    public CatalogResource(@Reference RequestTypeRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<RequestType> catalog() {
        return registry.all();
    }
}
