package org.atrium.rest.internal.resource;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apache.cxf.jaxrs.ext.MessageContext;
import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.attachment.Attachment;
import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentService;
import org.atrium.rest.internal.RestConfig;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /attachments}: a file uploaded before its ticket exists, so that a form's required
 * attachment field can be filled at creation. Held for the uploader alone until a ticket's attachment
 * field names its id (docs/descriptors.md); same limits and checks as a ticket's uploads.
 */
@JaxrsResource
@Component(service = RestResource.class, configurationPid = "org.atrium.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Path("/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource implements RestResource {
    private final AttachmentService attachments;
    private final AttachmentRules rules;

    @Activate
    public UploadResource(@Reference AttachmentService attachments, RestConfig config) {
        this.attachments = attachments;
        this.rules = new AttachmentRules(config.maxAttachmentBytes(), AttachmentResource.contentTypes(config.attachmentContentTypes()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context SecurityContext security, @Context UriInfo uri, @Context MessageContext context) {
        Attachment held = MultipartFile.read(context, upload -> attachments.upload(Callers.of(security), upload, rules));
        // no Location: the upload has no address of its own until a ticket takes it
        return Response.status(Response.Status.CREATED).entity(held).build();
    }
}
