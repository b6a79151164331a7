package org.atrium.rest.internal.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.ForbiddenException;
import org.atrium.api.catalog.RefusedDescriptor;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * GET /catalog/problems: the descriptor files the extender refused, per bundle and file with every
 * error, for administrators (a partner's deployment fails here visibly, not only in the log).
 * Bundle names and file paths are internals: others get 403.
 */
@Component(service = RestResource.class)
@Path("/catalog/problems")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogProblemsResource implements RestResource {
    private final RequestTypeRegistry registry;

    /** One refused file: its errors in the order found. */
    public record Problem(String bundle, String file, List<Error> errors) {
    }

    /** {@code field} as the server names it, {@code path} the same as a JSON path ({@code $.fields[2].options}). */
    public record Error(String field, String path, String reason) {
    }

    @Activate
    public CatalogProblemsResource(@Reference RequestTypeRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Map<String, List<Problem>> problems(@Context SecurityContext security) {
        if (!Callers.of(security).isAdmin()) {
            throw new ForbiddenException("only administrators see refused descriptors");
        }
        return Map.of("items", group(registry.refused()));
    }

    static List<Problem> group(List<RefusedDescriptor> refused) {
        Map<List<String>, List<Error>> byFile = new LinkedHashMap<>();
        for (RefusedDescriptor r : refused) {
            byFile.computeIfAbsent(List.of(r.bundle(), r.file()), k -> new ArrayList<>())
                    .add(new Error(r.field(), jsonPath(r.field()), r.reason()));
        }
        List<Problem> problems = new ArrayList<>();
        byFile.forEach((file, errors) -> problems.add(new Problem(file.get(0), file.get(1), List.copyOf(errors))));
        return problems;
    }

    /** Same rule as core's DescriptorCheck.jsonPath (REST depends on the API only). */
    static String jsonPath(String field) {
        if (field == null || field.isEmpty() || field.startsWith("(")) {
            return "$";
        }
        return field.startsWith("[") ? "$" + field : "$." + field;
    }
}
