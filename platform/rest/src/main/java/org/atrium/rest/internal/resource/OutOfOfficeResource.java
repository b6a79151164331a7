package org.atrium.rest.internal.resource;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.FieldError;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.security.Caller;
import org.atrium.rest.internal.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET/PUT/DELETE /me/out-of-office}: the caller's own absence and who acts for them meanwhile.
 * Approvals due to them on a day inside the period go to the delegate (Directory.actingFor).
 */
@JaxrsResource
@Component(service = RestResource.class)
@Path("/me/out-of-office")
@Produces(MediaType.APPLICATION_JSON)
public class OutOfOfficeResource implements RestResource {
    private final Directory directory;

    /** Dates as YYYY-MM-DD, both days included; the delegate's login. */
    public record Absence(String from, String until, String delegate) {
    }

    @Activate
    public OutOfOfficeResource(@Reference Directory directory) {
        this.directory = directory;
    }

    @GET
    public Absence read(@Context SecurityContext security) {
        OutOfOffice absence = directory.find(Callers.of(security).user()).map(person -> person.outOfOffice())
                .orElseThrow(() -> new NotFoundException("You have no out-of-office period"));
        if (absence == null) {
            throw new NotFoundException("You have no out-of-office period");
        }
        return new Absence(absence.from().toString(), absence.until().toString(), absence.delegate());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Absence write(@Context SecurityContext security, Absence body) {
        Caller caller = Callers.of(security);
        OutOfOffice absence = parse(body);
        directory.setOutOfOffice(caller, absence);
        return new Absence(absence.from().toString(), absence.until().toString(), absence.delegate());
    }

    @DELETE
    public Response clear(@Context SecurityContext security) {
        directory.setOutOfOffice(Callers.of(security), null);
        return Response.noContent().build();
    }

    /** Every bad member at once: dates, their order, a delegate given. */
    static OutOfOffice parse(Absence body) {
        if (body == null) {
            throw new ValidationException("body", "must be {\"from\", \"until\", \"delegate\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date("from", body.from(), errors);
        LocalDate until = date("until", body.until(), errors);
        if (body.delegate() == null || body.delegate().isBlank()) {
            errors.add(new FieldError("delegate", "is required"));
        } else if (body.delegate().length() > 100) {
            errors.add(new FieldError("delegate", "must be a login of at most 100 characters"));
        }
        if (from != null && until != null && until.isBefore(from)) {
            errors.add(new FieldError("until", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new OutOfOffice(body.delegate(), from, until);
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
