package org.atrium.api.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.atrium.api.security.Caller;

/**
 * A person in the directory.
 *
 * @param id          the login name, as Karaf JAAS knows it (e.g. {@code anna})
 * @param displayName the name people read
 * @param email       may be null
 * @param language    {@code de} or {@code en}
 * @param department  the organisational unit, e.g. {@code sales}; may be null
 * @param manager     the id of the person's manager; null at the top
 * @param country     ISO 3166-1 alpha-2, e.g. {@code DE}; may be null
 * @param region      ISO 3166-2 subdivision for public holidays, e.g. {@code DE-BY}; may be null
 * @param roles       e.g. {@code employee}, {@code agent-it}; used to check what <em>other</em> people may do
 *                    (the caller's own roles come from the login)
 * @param active      false for people who left: they stay for history but cannot be chosen
 * @param outOfOffice the current or next absence with a delegate; may be null
 */
public record Person(String id, String displayName, String email, String language, String department, String manager,
        String country, String region, Set<String> roles, boolean active, OutOfOffice outOfOffice) {
    public static final Set<String> LANGUAGES = Set.of("de", "en");

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Agent of the department by the directory's roles ({@code agent-<department>}). */
    public boolean isAgentOf(String department) {
        return hasRole(Caller.AGENT_PREFIX + department);
    }

    /** The departments whose agent this person is, sorted. */
    public Set<String> agentDepartments() {
        return agentDepartments(roles);
    }

    /** The departments named by {@code agent-<department>} roles, sorted. */
    public static Set<String> agentDepartments(Set<String> roles) {
        Set<String> departments = new TreeSet<>();
        for (String role : roles) {
            if (role.startsWith(Caller.AGENT_PREFIX) && role.length() > Caller.AGENT_PREFIX.length()) {
                departments.add(role.substring(Caller.AGENT_PREFIX.length()));
            }
        }
        return departments;
    }

    /** The delegate acting for this person on a date, if they are away then. */
    public Optional<String> delegateOn(java.time.LocalDate date) {
        return outOfOffice != null && outOfOffice.covers(date) ? Optional.of(outOfOffice.delegate()) : Optional.empty();
    }
}
