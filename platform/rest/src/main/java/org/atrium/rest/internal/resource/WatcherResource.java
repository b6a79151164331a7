package org.atrium.rest.internal.resource;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.notification.WatcherService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The people who follow a ticket by mail: {@code POST} and {@code DELETE} add or remove the caller, or
 * with {@code ?person=} someone else (the department's agents only); the rules are WatcherService's.
 */
@Component(service = RestResource.class)
@Path("/tickets/{key}/watchers")
@Produces(MediaType.APPLICATION_JSON)
public class WatcherResource implements RestResource {
    private final WatcherService watchers;

    /** The answer of every call: the ticket's watchers now. */
    public record Watchers(String ticket, List<String> watchers) {
    }

    @Activate
    public WatcherResource(@Reference WatcherService watchers) {
        this.watchers = watchers;
    }

    @GET
    public Watchers list(@Context SecurityContext security, @PathParam("key") String key) {
        return new Watchers(key, watchers.watchers(Callers.of(security), key));
    }

    @POST
    public Watchers watch(@Context SecurityContext security, @PathParam("key") String key, @QueryParam("person") String person) {
        return new Watchers(key, watchers.watch(Callers.of(security), key, blankToNull(person)));
    }

    @DELETE
    public Watchers unwatch(@Context SecurityContext security, @PathParam("key") String key, @QueryParam("person") String person) {
        return new Watchers(key, watchers.unwatch(Callers.of(security), key, blankToNull(person)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
