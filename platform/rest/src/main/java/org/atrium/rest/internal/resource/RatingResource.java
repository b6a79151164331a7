package org.atrium.rest.internal.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.NotFoundException;
import org.atrium.api.rating.NewRating;
import org.atrium.api.rating.Rating;
import org.atrium.api.rating.RatingService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The requester's rating of a resolved or closed ticket; the rules are RatingService's. */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/tickets/{key}/rating")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RatingResource implements RestResource {
    private final RatingService ratings;

    @Activate
    public RatingResource(@Reference RatingService ratings) {
        this.ratings = ratings;
    }

    @GET
    public Rating get(@Context SecurityContext security, @PathParam("key") String key) {
        return ratings.rating(Callers.of(security), key).orElseThrow(() -> new NotFoundException("Ticket " + key + " has no rating yet"));
    }

    @PUT
    public Rating rate(@Context SecurityContext security, @PathParam("key") String key, NewRating body) {
        return ratings.rate(Callers.of(security), key, body);
    }
}
