package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.AssignmentGroup;
import org.atrium.api.directory.AssignmentGroups;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The assignment groups (etc/org.atrium.groups-*.cfg), so that a client offers the groups a ticket
 * may move to and their members as assignees. Every signed-in caller may read them: they hold
 * nothing a colleague could not already see in the directory.
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/directory/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource implements RestResource {
    private final AssignmentGroups groups;

    @Activate
    public GroupResource(@Reference AssignmentGroups groups) {
        this.groups = groups;
    }

    /** All departments' groups, or one department's with {@code ?department=}. */
    @GET
    public List<AssignmentGroup> list(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        for (String name : parameters.keySet()) {
            if (!Set.of("department").contains(name)) {
                throw new ValidationException(name, "is not a query parameter of /directory/groups; it takes department");
            }
        }
        List<String> department = parameters.get("department");
        if (department != null && department.size() > 1) {
            throw new ValidationException("department", "may be given once");
        }
        return department == null ? groups.all() : groups.of(department.get(0));
    }
}
