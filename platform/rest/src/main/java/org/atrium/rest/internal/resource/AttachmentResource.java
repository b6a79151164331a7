package org.atrium.rest.internal.resource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.apache.cxf.jaxrs.ext.MessageContext;
import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.NotFoundException;
import org.atrium.api.attachment.AttachmentDownload;
import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentService;
import org.atrium.rest.internal.RestConfig;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * A ticket's attachments: {@code multipart/form-data} uploads with one part named {@code file}, the list,
 * and downloads streamed from the database, always as attachments (never shown inline by a browser;
 * SecurityHeaders adds nosniff to every answer). Access and checks are AttachmentService's.
 */
@JaxrsResource
@Component(service = RestResource.class, configurationPid = "org.atrium.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Path("/tickets/{key}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource implements RestResource {
    static final String PART = MultipartFile.PART;
    private final AttachmentService attachments;
    private final AttachmentRules rules;

    /** The answer of a list: {@code {"items": [...]}}. */
    public record AttachmentList(List<org.atrium.api.attachment.Attachment> items) {
    }

    @Activate
    public AttachmentResource(@Reference AttachmentService attachments, RestConfig config) {
        this.attachments = attachments;
        this.rules = new AttachmentRules(config.maxAttachmentBytes(), contentTypes(config.attachmentContentTypes()));
    }

    static Set<String> contentTypes(String configured) {
        Set<String> types = Arrays.stream(configured == null ? new String[0] : configured.split(","))
                .map(String::trim).map(type -> type.toLowerCase(java.util.Locale.ROOT)).filter(type -> !type.isEmpty())
                .collect(Collectors.toSet());
        return types.isEmpty() ? AttachmentRules.DEFAULT_CONTENT_TYPES : types;
    }

    @GET
    public AttachmentList list(@Context SecurityContext security, @PathParam("key") String key) {
        return new AttachmentList(attachments.list(Callers.of(security), key));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context SecurityContext security, @Context UriInfo uri, @Context MessageContext context,
            @PathParam("key") String key) {
        org.atrium.api.attachment.Attachment added = MultipartFile.read(context,
                upload -> attachments.attach(Callers.of(security), key, upload, rules));
        URI location = uri.getBaseUriBuilder().path("tickets").path(key).path("attachments").path(String.valueOf(added.id())).build();
        return Response.created(location).entity(added).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    public Response download(@Context SecurityContext security, @PathParam("key") String key, @PathParam("id") String id) {
        long number = id(key, id);
        var caller = Callers.of(security);
        AttachmentDownload download = attachments.download(caller, key, number);
        StreamingOutput bytes = out -> attachments.copyContent(caller, key, number, out);
        return Response.ok(bytes, download.attachment().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, download.attachment().size())
                .header("Content-Disposition", contentDisposition(download.fileName()))
                .build();
    }

    private static long id(String key, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Ticket " + key + " has no attachment " + id);
        }
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 8187), so that every browser saves it under its name. */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
