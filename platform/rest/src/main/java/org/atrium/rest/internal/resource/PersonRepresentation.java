package org.atrium.rest.internal.resource;

import java.time.LocalDate;
import java.util.List;

import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person as the REST API shows them. Colleagues see what finding and choosing someone needs
 * (id, name, e-mail, department, manager, active); the person themself and administrators also see
 * language, country, state, roles and the out-of-office delegate. Members a caller may not see are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonRepresentation(String id, String displayName, String email, String department, String manager,
        boolean active, String language, String country, String region, List<String> roles, Away outOfOffice) {

    public record Away(String delegate, LocalDate from, LocalDate until) {
    }

    static PersonRepresentation of(Person person, Caller viewer) {
        boolean details = viewer.isAdmin() || viewer.user().equals(person.id());
        if (!details) {
            return new PersonRepresentation(person.id(), person.displayName(), person.email(), person.department(),
                    person.manager(), person.active(), null, null, null, null, null);
        }
        Away away = person.outOfOffice() == null ? null
                : new Away(person.outOfOffice().delegate(), person.outOfOffice().from(), person.outOfOffice().until());
        return new PersonRepresentation(person.id(), person.displayName(), person.email(), person.department(),
                person.manager(), person.active(), person.language(), person.country(), person.region(),
                person.roles().stream().sorted().toList(), away);
    }
}
