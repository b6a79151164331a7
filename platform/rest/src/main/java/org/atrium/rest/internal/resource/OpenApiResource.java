package org.atrium.rest.internal.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.rest.internal.JsonMapping;
import org.atrium.rest.internal.PublishedApi;
import org.atrium.rest.internal.RestResource;
import org.atrium.rest.internal.openapi.OpenApiDocument;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GET /openapi.json: the contract of this API, readable without credentials: Atrium's own document with
 * the paths of the partner resources published now (their {@code atrium.open.api} fragments) merged in.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/openapi.json")
public class OpenApiResource implements RestResource {
    private final ObjectMapper json = JsonMapping.objectMapper();
    private final ObjectNode own;
    private final PublishedApi published;
    /** The last merge and the fragments it was made of: the document changes only when bundles come or go. */
    private volatile Merged merged;

    private record Merged(Map<String, List<JsonNode>> fragments, byte[] document) {
    }

    @Activate
    public OpenApiResource(@Reference PublishedApi published) {
        this.published = published;
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            this.own = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json of the REST bundle cannot be read", e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() throws IOException {
        Map<String, List<JsonNode>> fragments = published.openApiFragments();
        Merged last = merged;
        if (last == null || last.fragments() != fragments) {
            last = new Merged(fragments, json.writeValueAsBytes(OpenApiDocument.merge(own, fragments)));
            merged = last;
        }
        return last.document();
    }
}
