package org.atrium.api.directory;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the people of the directory. Atrium's own provider keeps them in its database; a bundle
 * may register another (e.g. reading LDAP) with a higher {@code service.ranking}, and the
 * {@link Directory} then uses that one. Authentication is not a provider's job: it stays with Karaf JAAS.
 */
@ConsumerType
public interface DirectoryProvider {

    /** The person with this login name, active or not. */
    Optional<Person> find(String id);

    /**
     * Active people whose id, display name or e-mail contains {@code text} (ignoring case), ordered
     * by display name, at most {@code limit}. A blank text matches everyone.
     */
    List<Person> search(String text, int limit);

    /**
     * Whether at least one active person names {@code managerId} as their manager. The default reads
     * every active person; a provider that can ask its store directly (an index, an LDAP filter) should.
     */
    default boolean hasActiveReports(String managerId) {
        return managerId != null && search("", Integer.MAX_VALUE).stream().anyMatch(person -> managerId.equals(person.manager()));
    }

    /** Active people holding {@code role} (approvers by role, e.g. the CAB). The default reads every active person. */
    default List<Person> withRole(String role) {
        return search("", Integer.MAX_VALUE).stream().filter(person -> person.hasRole(role)).toList();
    }

    /** People, active or not, who name {@code delegateId} as their out-of-office delegate (any period). */
    default List<Person> delegatingTo(String delegateId) {
        return search("", Integer.MAX_VALUE).stream()
                .filter(person -> person.outOfOffice() != null && delegateId.equals(person.outOfOffice().delegate())).toList();
    }
}
