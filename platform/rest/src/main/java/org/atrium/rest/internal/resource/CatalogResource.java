package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.catalog.Catalog;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.Extension;
import org.atrium.api.spi.OptionSource;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /catalog: the request types installed right now that the caller may file (their audiences
 * decide, in core), with their forms, as REST representations (CatalogEntry): names and labels in
 * German and English, and resolved in the caller's language when it sends {@code Accept-Language}.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource implements RestResource {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogResource.class);
    private final Catalog catalog;
    /** Option sources by name, so that a sourced field shows the options a client may pick now. */
    private final Map<String, OptionSource> optionSources = new ConcurrentHashMap<>();

    @Activate
    public CatalogResource(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOptionSource(OptionSource source, Map<String, Object> properties) {
        if (properties.get(Extension.NAME) instanceof String name) {
            optionSources.put(name, source);
        }
    }

    void removeOptionSource(OptionSource source, Map<String, Object> properties) {
        if (properties.get(Extension.NAME) instanceof String name) {
            optionSources.remove(name, source);
        }
    }

    @GET
    public Response catalog(@Context SecurityContext security, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = AcceptedLanguage.of(acceptLanguage);
        Caller caller = Callers.of(security);
        List<RequestType> types = catalog.availableTo(caller);
        Map<String, Map<String, String>> departments = DepartmentLabels.of(types);
        List<CatalogEntry> entries = types.stream()
                .map(type -> CatalogEntry.of(type, field -> options(type, field, caller), language,
                        departments.getOrDefault(type.department(), Map.of()))).toList();
        Response.ResponseBuilder answer = Response.ok(entries).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.AUTHORIZATION);
        if (language != null) {
            answer.header(HttpHeaders.CONTENT_LANGUAGE, language);
        }
        return answer.build();
    }

    /** A field's own options, or those its option source supplies now (none while it is not running). */
    private List<FieldOption> options(RequestType type, FormField field, Caller caller) {
        if (field.optionSource() == null) {
            return field.options();
        }
        OptionSource source = optionSources.get(field.optionSource());
        if (source == null) {
            return List.of();
        }
        try {
            return source.options(new SourcedField(type, field, caller));
        } catch (RuntimeException e) {
            // a failing partner extension must not take the whole catalog down: the field shows no options
            LOG.warn("Option source {} of field {} failed; listing no options", field.optionSource(), field.name(), e);
            return List.of();
        }
    }
}
