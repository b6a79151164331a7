package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * GET /me: who the server takes the caller for. {@code roles} and {@code departments} are those of the
 * login (what the server authorizes the caller by); {@code person} is their directory entry, absent
 * when the directory does not know them.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource implements RestResource {
    private final Directory directory;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String user, List<String> roles, Set<String> departments, boolean admin, PersonRepresentation person) {
    }

    @Activate
    public MeResource(@Reference Directory directory) {
        this.directory = directory;
    }

    @GET
    public Me me(@Context SecurityContext security) {
        Caller caller = Callers.of(security);
        PersonRepresentation person = directory.find(caller.user()).map(p -> PersonRepresentation.of(p, caller)).orElse(null);
        return new Me(caller.user(), caller.roles().stream().sorted().toList(), Person.agentDepartments(caller.roles()),
                caller.isAdmin(), person);
    }
}
