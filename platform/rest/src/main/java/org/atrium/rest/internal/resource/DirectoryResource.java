package org.atrium.rest.internal.resource;

import java.io.StringReader;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.ImportReport;
import org.atrium.api.directory.PeopleImport;
import org.atrium.api.security.Caller;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The directory: search people, read one, and (administrators) import people from CSV. */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/directory/people")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource implements RestResource {
    static final int DEFAULT_LIMIT = 20;
    private final Directory directory;
    private final PeopleImport importer;

    @Activate
    public DirectoryResource(@Reference Directory directory, @Reference PeopleImport importer) {
        this.directory = directory;
        this.importer = importer;
    }

    @GET
    public List<PersonRepresentation> search(@Context SecurityContext security, @QueryParam("q") String q,
            @QueryParam("limit") String limit) {
        Caller caller = Callers.of(security);
        return directory.search(q, limit(limit)).stream().map(person -> PersonRepresentation.of(person, caller)).toList();
    }

    @GET
    @Path("{id}")
    public PersonRepresentation get(@Context SecurityContext security, @PathParam("id") String id) {
        Caller caller = Callers.of(security);
        return directory.find(id).map(person -> PersonRepresentation.of(person, caller))
                .orElseThrow(() -> new NotFoundException("No person " + id + " in the directory"));
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    public ImportReport importCsv(@Context SecurityContext security, String csv) {
        return importer.importCsv(Callers.of(security), new StringReader(csv == null ? "" : csv));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number between 1 and " + Directory.MAX_LIMIT);
        }
    }
}
