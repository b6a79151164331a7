package org.atrium.rest.internal.resource;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atrium.api.notification.ApprovalLink;
import org.atrium.api.notification.ApprovalLinkService;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The approve and reject links of approval mails, without signing in (the token is the credential;
 * ApprovalLinkService checks signature, expiry and single use). GET shows what the link would do and
 * a button, and decides nothing, because mail scanners open links; POST decides. A browser gets a
 * small HTML page in the approver's language, a client asking for JSON the {@link ApprovalLink}.
 */
@Component(service = RestResource.class)
@Path("/approval-links/{token}")
public class ApprovalLinkResource implements RestResource {
    private final ApprovalLinkService links;

    @Activate
    public ApprovalLinkResource(@Reference ApprovalLinkService links) {
        this.links = links;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response open(@Context HttpHeaders headers, @PathParam("token") String token) {
        ApprovalLink link = links.open(token);
        return answer(headers, link, ApprovalLinkPage.confirmation(link));
    }

    @POST
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response use(@Context HttpHeaders headers, @PathParam("token") String token) {
        ApprovalLink link = links.use(token);
        return answer(headers, link, ApprovalLinkPage.done(link));
    }

    private static Response answer(HttpHeaders headers, ApprovalLink link, String html) {
        boolean json = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()).orElse(false);
        return json ? Response.ok(link, MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }
}
