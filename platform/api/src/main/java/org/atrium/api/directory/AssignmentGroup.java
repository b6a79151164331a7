package org.atrium.api.directory;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named group of a department's agents that tickets are routed to (e.g. {@code network} of
 * {@code it}); a ticket's queue by group is {@code GET /tickets?group=}.
 *
 * @param department the department whose agents the members are, e.g. {@code it}
 * @param key        unique within the department, e.g. {@code service-desk}
 * @param names      display name per language tag ({@code de}, {@code en})
 * @param members    the ids of the people in the group
 */
public record AssignmentGroup(String department, String key, Map<String, String> names, Set<String> members) {
    public AssignmentGroup {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(key, "key");
        names = Map.copyOf(names);
        members = Set.copyOf(members);
    }

    public boolean hasMember(String id) {
        return members.contains(id);
    }
}
