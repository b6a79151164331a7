package org.atrium.rest.internal.resource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.webhook.Webhook;
import org.atrium.api.webhook.WebhookInput;
import org.atrium.api.webhook.WebhookService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Webhook subscriptions and their delivery log (docs/webhooks.md); who may do what is WebhookService's. */
@Component(service = RestResource.class)
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource implements RestResource {
    private static final int DEFAULT_LIMIT = 100;
    private final WebhookService webhooks;

    @Activate
    public WebhookResource(@Reference WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        return Map.of("items", webhooks.list(Callers.of(security)), "eventTypes", webhooks.eventTypes());
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, WebhookInput body) {
        Webhook created = webhooks.create(Callers.of(security), body);
        String base = uri.getBaseUri().toString();
        URI location = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/" + created.id());
        return Response.created(location).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Webhook get(@Context SecurityContext security, @PathParam("id") String id) {
        return webhooks.get(Callers.of(security), id(id));
    }

    @PUT
    @Path("{id}")
    public Webhook update(@Context SecurityContext security, @PathParam("id") String id, WebhookInput body) {
        return webhooks.update(Callers.of(security), id(id), body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        webhooks.delete(Callers.of(security), id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    public Webhook rotateSecret(@Context SecurityContext security, @PathParam("id") String id) {
        return webhooks.rotateSecret(Callers.of(security), id(id));
    }

    @GET
    @Path("{id}/deliveries")
    public Map<String, Object> deliveries(@Context SecurityContext security, @PathParam("id") String id, @QueryParam("limit") String limit) {
        return Map.of("items", webhooks.attempts(Callers.of(security), id(id), limit(limit)));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No webhook " + id);
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new org.atrium.api.FieldError("limit", "must be a whole number from 1 to 500")));
        }
    }
}
