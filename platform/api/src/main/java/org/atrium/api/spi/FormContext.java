package org.atrium.api.spi;

import java.util.Optional;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;

/**
 * What a form extension may know: the type (pinned version), who asks, whether this is a create,
 * and the requester as the directory knows them (null when the directory does not know them).
 * The requester is the ticket's requester, which on an update need not be the caller.
 */
public record FormContext(RequestType type, Caller caller, boolean create, Person requester) {

    public FormContext(RequestType type, Caller caller, boolean create) {
        this(type, caller, create, null);
    }

    public Optional<Person> requesterPerson() {
        return Optional.ofNullable(requester);
    }
}
