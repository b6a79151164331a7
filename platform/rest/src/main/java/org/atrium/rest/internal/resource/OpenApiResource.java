package org.atrium.rest.internal.resource;

import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Component;

/** GET /openapi.json: the contract of this API, readable without credentials. */
@Component(service = RestResource.class)
@Path("/openapi.json")
public class OpenApiResource implements RestResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public InputStream document() {
        return OpenApiResource.class.getResourceAsStream("openapi.json");
    }
}
