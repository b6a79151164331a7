package org.atrium.api.approval;

import java.util.Objects;
import java.util.Set;

/**
 * How a stage finds its approvers; descriptor {@code {"managerOf": "requester"}}, {@code {"role": "cab"}}, ...
 *
 * @param kind  {@code managerOf} (the manager of the requester, or of the person a form field names),
 *              {@code group} (the members of an assignment group, {@code department/key} or a key of the
 *              type's department), {@code role} (active people with the role in the directory),
 *              {@code person} (a named person) or {@code resolver} (an
 *              {@link org.atrium.api.spi.ApproverResolver} by name)
 * @param value the requester or field name, group, role, person id or resolver name
 */
public record ApproverRule(String kind, String value) {
    public static final String MANAGER_OF = "managerOf";
    public static final String GROUP = "group";
    public static final String ROLE = "role";
    public static final String PERSON = "person";
    public static final String RESOLVER = "resolver";
    public static final String REQUESTER = "requester";
    public static final Set<String> KINDS = Set.of(MANAGER_OF, GROUP, ROLE, PERSON, RESOLVER);

    public ApproverRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
