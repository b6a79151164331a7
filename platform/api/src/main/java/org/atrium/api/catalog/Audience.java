package org.atrium.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may file a request type. Anyone who matches one of the entries may: every employee, the
 * agents of the type's department, a role ({@code role:NAME}), anyone who manages at least one
 * active person ({@code managers}), or the manager of the person a {@code person} field of the form
 * names ({@code managerOf}).
 *
 * @param everyone  every signed-in employee (the default)
 * @param agents    the agents of the type's department ({@code agent-<department>})
 * @param managers  anyone whom the directory lists as the manager of at least one active person
 * @param roles     login roles, any of which admits the caller, e.g. {@code agent-hr}
 * @param managerOf names of {@code person} fields: the manager of the person named there may file
 */
public record Audience(boolean everyone, boolean agents, boolean managers, Set<String> roles, List<String> managerOf) {
    public static final Audience EVERYONE = new Audience(true, false, false, Set.of(), List.of());

    public Audience {
        roles = Set.copyOf(new TreeSet<>(roles));
        managerOf = List.copyOf(managerOf);
    }

    /** Whether someone who is a manager could be admitted, by {@code managers} or by {@code managerOf}. */
    public boolean admitsManagers() {
        return managers || !managerOf.isEmpty();
    }

    /** The entries as a descriptor writes them, e.g. {@code [agents, role:cab, managerOf:employee]}. */
    public List<String> entries() {
        List<String> entries = new ArrayList<>();
        if (everyone) {
            entries.add("everyone");
        }
        if (agents) {
            entries.add("agents");
        }
        if (managers) {
            entries.add("managers");
        }
        new TreeSet<>(roles).forEach(role -> entries.add("role:" + role));
        managerOf.forEach(field -> entries.add("managerOf:" + field));
        return entries;
    }
}
