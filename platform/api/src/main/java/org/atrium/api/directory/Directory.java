package org.atrium.api.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Looks people up, whichever {@link DirectoryProvider} supplies them. */
@ProviderType
public interface Directory {
    int MAX_LIMIT = 100;

    Optional<Person> find(String id);

    /**
     * Active people matching the text in id, display name or e-mail, at most {@code limit}
     * (1 to {@link #MAX_LIMIT}; otherwise a ValidationException naming {@code limit}).
     */
    List<Person> search(String text, int limit);

    /**
     * Who acts for the person on that date: their out-of-office delegate while they are away (when the
     * delegate is active), otherwise the person themself. Empty for an unknown id.
     */
    Optional<Person> actingFor(String id, LocalDate date);

    /** Whether at least one active person names this id as their manager (who may act as a manager). */
    boolean managesActivePeople(String id);

    /** Active people holding the role, e.g. {@code cab}. */
    List<Person> withRole(String role);

    /** The people for whom {@code delegateId} acts on that date: they are away then and named them as delegate. */
    List<Person> actingThrough(String delegateId, LocalDate date);

    /**
     * Sets the caller's own absence (null clears it). The delegate must be an active person of the
     * directory other than the caller (a ValidationException naming {@code delegate}); the caller must
     * be in the directory (NotFoundException); a provider that cannot store absences
     * ({@link OutOfOfficeStore}) makes this a ConflictException.
     */
    void setOutOfOffice(org.atrium.api.security.Caller caller, OutOfOffice absence);
}
