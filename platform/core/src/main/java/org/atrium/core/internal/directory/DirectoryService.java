package org.atrium.core.internal.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.DirectoryProvider;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.OutOfOfficeStore;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The directory as the rest of Atrium sees it, over the highest-ranked provider: greedy, so that a
 * provider registered later with a higher ranking (e.g. LDAP) takes over from the built-in one.
 */
@Component(service = Directory.class)
public class DirectoryService implements Directory {
    static final int MAX_QUERY = 100;
    private final DirectoryProvider provider;

    @Activate
    public DirectoryService(@Reference(policyOption = ReferencePolicyOption.GREEDY) DirectoryProvider provider) {
        this.provider = provider;
    }

    @Override
    public Optional<Person> find(String id) {
        return id == null || id.isBlank() ? Optional.empty() : provider.find(id);
    }

    @Override
    public List<Person> search(String text, int limit) {
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (text != null && text.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return provider.search(text, limit);
    }

    @Override
    public Optional<Person> actingFor(String id, LocalDate date) {
        return find(id).map(person -> person.delegateOn(date)
                .flatMap(this::find)
                .filter(Person::active)
                .orElse(person));
    }

    @Override
    public boolean managesActivePeople(String id) {
        return id != null && !id.isBlank() && provider.hasActiveReports(id);
    }

    @Override
    public List<Person> withRole(String role) {
        return role == null || role.isBlank() ? List.of() : provider.withRole(role);
    }

    @Override
    public List<Person> actingThrough(String delegateId, LocalDate date) {
        if (delegateId == null || find(delegateId).filter(Person::active).isEmpty()) {
            return List.of();
        }
        return provider.delegatingTo(delegateId).stream()
                .filter(person -> person.delegateOn(date).filter(delegateId::equals).isPresent()).toList();
    }

    @Override
    public void setOutOfOffice(Caller caller, OutOfOffice absence) {
        if (!(provider instanceof OutOfOfficeStore store)) {
            throw new ConflictException("The directory (" + provider.getClass().getSimpleName()
                    + ") cannot store out-of-office periods; set yours where the directory keeps them", null);
        }
        if (absence != null) {
            checkDelegate(caller, absence.delegate());
        }
        if (!store.storeOutOfOffice(caller.user(), absence)) {
            throw new NotFoundException("You are not in the directory; an administrator imports people (POST /directory/people/import)");
        }
    }

    /** A delegate acts for the caller on approvals: an active person, and someone else. */
    private void checkDelegate(Caller caller, String delegate) {
        if (delegate.equals(caller.user())) {
            throw new ValidationException("delegate", "must be someone other than you");
        }
        if (find(delegate).filter(Person::active).isEmpty()) {
            throw new ValidationException("delegate", "must be an active person of the directory");
        }
    }
}
