package org.atrium.rest.internal.resource;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.privacy.ErasureReport;
import org.atrium.api.privacy.PersonalData;
import org.atrium.api.privacy.PersonalDataExport;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** GDPR export and erasure of one person, for administrators (docs/gdpr.md). */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/people/{login}")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource implements RestResource {
    private final PersonalData personalData;

    @Activate
    public PersonalDataResource(@Reference PersonalData personalData) {
        this.personalData = personalData;
    }

    @GET
    @Path("personal-data")
    public PersonalDataExport export(@Context SecurityContext security, @PathParam("login") String login) {
        return personalData.export(Callers.of(security), login);
    }

    /** No body: the login in the path says whom; asked again (with the pseudonym) it changes nothing. */
    @POST
    @Path("erasure")
    public ErasureReport erase(@Context SecurityContext security, @PathParam("login") String login) {
        return personalData.erase(Callers.of(security), login);
    }
}
