package org.atrium.rest.internal.resource;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.ValidationException;
import org.atrium.api.search.SearchQuery;
import org.atrium.api.search.TicketSearch;
import org.atrium.api.approval.Approval;
import org.atrium.api.approval.ApprovalService;
import org.atrium.api.sla.SlaClock;
import org.atrium.api.sla.SlaService;
import org.atrium.api.ticket.Comment;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketService;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.Link;
import org.atrium.api.ticket.NewLink;
import org.atrium.api.ticket.Transition;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tickets, their comments, history and transitions. Access is decided by TicketService. */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource implements RestResource {
    private final TicketService tickets;
    private final ApprovalService approvals;
    private final SlaService sla;
    private final TicketSearch search;

    @Activate
    public TicketResource(@Reference TicketService tickets, @Reference ApprovalService approvals, @Reference SlaService sla,
            @Reference TicketSearch search) {
        this.tickets = tickets;
        this.approvals = approvals;
        this.sla = sla;
        this.search = search;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, NewTicket body) {
        NewTicket request = required(body);
        Ticket ticket = tickets.create(Callers.of(security), new NewTicket(request.type(), request.summary(),
                request.description(), request.impact(), request.urgency(), FormNumbers.normalized(request.fields())));
        // keys are PREFIX-number (upper-case letters, digits, '-'): nothing to escape, no UriBuilder needed
        URI location = URI.create(withoutTrailingSlash(uri.getBaseUri().toString()) + "/tickets/" + ticket.key());
        return Response.created(location).entity(ticket).build();
    }

    /**
     * The queue; the parameters are read strictly (QueueParameters): an unknown one is a 400. With
     * {@code q}, a full-text search within the same filters, best match first (SearchResults).
     */
    @GET
    public Object list(@Context SecurityContext security, @Context UriInfo uri) {
        TicketQuery query = QueueParameters.read(uri.getQueryParameters());
        String text = QueueParameters.text(uri.getQueryParameters());
        if (text != null) {
            return SearchResults.of(search.searchWithSnippets(Callers.of(security), new SearchQuery(text, query)));
        }
        return tickets.list(Callers.of(security), query);
    }

    @GET
    @Path("{key}")
    public Ticket get(@Context SecurityContext security, @PathParam("key") String key) {
        return tickets.get(Callers.of(security), key);
    }

    @PATCH
    @Path("{key}")
    public Ticket update(@Context SecurityContext security, @PathParam("key") String key, TicketUpdate body) {
        TicketUpdate request = required(body);
        return tickets.update(Callers.of(security), key, new TicketUpdate(request.version(), request.summary(),
                request.description(), request.impact(), request.urgency(), request.assignee(),
                FormNumbers.normalized(request.fields()), request.assignmentGroup()));
    }

    @GET
    @Path("{key}/transitions")
    public List<Transition> transitions(@Context SecurityContext security, @PathParam("key") String key) {
        return tickets.transitions(Callers.of(security), key);
    }

    @POST
    @Path("{key}/transitions")
    public Ticket transition(@Context SecurityContext security, @PathParam("key") String key, TransitionRequest body) {
        return tickets.transition(Callers.of(security), key, required(body));
    }

    @GET
    @Path("{key}/comments")
    public List<Comment> comments(@Context SecurityContext security, @PathParam("key") String key) {
        return tickets.comments(Callers.of(security), key);
    }

    @POST
    @Path("{key}/comments")
    public Response comment(@Context SecurityContext security, @Context UriInfo uri, @PathParam("key") String key, NewComment body) {
        Comment comment = tickets.comment(Callers.of(security), key, required(body));
        URI location = uri.getBaseUriBuilder().path("tickets").path(key).path("comments").build();
        return Response.created(location).entity(comment).build();
    }

    @GET
    @Path("{key}/history")
    public List<HistoryEntry> history(@Context SecurityContext security, @PathParam("key") String key) {
        return tickets.history(Callers.of(security), key);
    }

    /** The ticket's SLA clocks, each with the segments that counted or paused and the history rows that caused them. */
    @GET
    @Path("{key}/sla")
    public List<SlaClock> sla(@Context SecurityContext security, @PathParam("key") String key) {
        return sla.clocks(Callers.of(security), key);
    }

    /** Every approval of the ticket, for everyone who may see it (and its approvers). */
    @GET
    @Path("{key}/approvals")
    public List<Approval> approvals(@Context SecurityContext security, @PathParam("key") String key) {
        return approvals.ofTicket(Callers.of(security), key);
    }

    @GET
    @Path("{key}/links")
    public List<Link> links(@Context SecurityContext security, @PathParam("key") String key) {
        return tickets.links(Callers.of(security), key);
    }

    @POST
    @Path("{key}/links")
    public Response link(@Context SecurityContext security, @Context UriInfo uri, @PathParam("key") String key, NewLink body) {
        Link link = tickets.link(Callers.of(security), key, required(body));
        URI location = uri.getBaseUriBuilder().path("tickets").path(key).path("links").path(link.type()).path(link.key()).build();
        return Response.created(location).entity(link).build();
    }

    @DELETE
    @Path("{key}/links/{type}/{other}")
    public Response unlink(@Context SecurityContext security, @PathParam("key") String key, @PathParam("type") String type,
            @PathParam("other") String other) {
        tickets.unlink(Callers.of(security), key, type, other);
        return Response.noContent().build();
    }

    private static String withoutTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException("(body)", "is required: send a JSON object");
        }
        return body;
    }
}
