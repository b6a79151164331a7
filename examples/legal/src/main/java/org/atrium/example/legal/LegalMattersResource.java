package org.atrium.example.legal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.rest.AtriumPrincipal;
import org.atrium.api.rest.JaxrsName;
import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.rest.OpenApi;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/legal/matters}: the legal department's tickets the caller may see, read with the
 * caller's own permissions (a requester sees theirs, an {@code agent-legal} the department's queue), and
 * who the server takes the caller for. {@code GET /api/v1/legal/matters/{key}}: one of them.
 * A REST extension as a partner writes one: the whiteboard properties make it part of Atrium's API,
 * behind Atrium's authentication; Atrium's exceptions become problem+json; the OpenAPI fragment
 * documents it in {@code /api/v1/openapi.json}.
 */
@JaxrsResource
@JaxrsName("legal.matters")
@OpenApi("openapi/legal.json")
@Component(service = LegalMattersResource.class)
@Path("/legal/matters")
@Produces(MediaType.APPLICATION_JSON)
public class LegalMattersResource {
    static final String DEPARTMENT = "legal";
    static final int MAX_LIMIT = 50;
    private final TicketService tickets;

    /** What the list answers: the caller and their legal matters. */
    public record Matters(String caller, List<String> roles, List<Matter> items) {
    }

    public record Matter(String key, String type, String summary, String requester, String status) {
        static Matter of(Ticket ticket) {
            return new Matter(ticket.key(), ticket.type(), ticket.summary(), ticket.requester(), ticket.status());
        }
    }

    @Activate
    public LegalMattersResource(@Reference TicketService tickets) {
        this.tickets = tickets;
    }

    @GET
    public Matters list(@Context SecurityContext security, @QueryParam("limit") String limit) {
        Caller caller = caller(security);
        int count = limit(limit);
        List<Matter> items = tickets.list(caller, new TicketQuery(DEPARTMENT, null, null, null, count, null)).items().stream()
                .map(Matter::of).toList();
        return new Matters(caller.user(), caller.roles().stream().sorted().toList(), items);
    }

    @GET
    @Path("{key}")
    public Matter one(@Context SecurityContext security, @PathParam("key") String key) {
        Ticket ticket = tickets.get(caller(security), key); // 404 (or 403) from TicketService when the caller may not see it
        if (!DEPARTMENT.equals(ticket.department())) {
            throw new NotFoundException(key + " is not a legal matter");
        }
        return Matter.of(ticket);
    }

    /** Atrium authenticated the request before it got here; its principal carries the caller. */
    private static Caller caller(SecurityContext security) {
        return AtriumPrincipal.callerOf(security.getUserPrincipal())
                .orElseThrow(() -> new IllegalStateException("an unauthenticated request reached /legal/matters"));
    }

    /** Bad input is an Atrium ValidationException: Atrium answers 400 problem+json naming the parameter. */
    static int limit(String text) {
        if (text == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
