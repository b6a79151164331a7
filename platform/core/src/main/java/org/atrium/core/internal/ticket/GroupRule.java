package org.atrium.core.internal.ticket;

import java.util.Map;
import java.util.stream.Collectors;

import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.AssignmentGroup;
import org.atrium.api.directory.AssignmentGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket's assignment group: a configured group of the ticket's department, set by the type's
 * routing on creation or by an agent, and the assignee (when there is one) is a member of it.
 */
final class GroupRule {
    static final String FIELD = "assignmentGroup";
    private static final Logger LOG = LoggerFactory.getLogger(GroupRule.class);
    private final AssignmentGroups groups;

    GroupRule(AssignmentGroups groups) {
        this.groups = groups;
    }

    /** The configured groups of every department. */
    AssignmentGroups configured() {
        return groups;
    }

    /** The group routing gives a new ticket; none when the rule names a group the department has not configured. */
    String routed(RequestType type, Map<String, Object> values) {
        String key = Routing.groupFor(type, values).orElse(null);
        if (key != null && groups.find(type.department(), key).isEmpty()) {
            LOG.warn("Type {} routes to group '{}', which {} has not configured (etc/org.atrium.groups-*.cfg):"
                    + " the ticket gets no group", type.key(), key, type.department());
            return null;
        }
        return key;
    }

    /** The group of the department, or a ValidationException naming {@code assignmentGroup}. */
    AssignmentGroup check(String department, String key) {
        return groups.find(department, key).orElseThrow(() -> new ValidationException(FIELD,
                "'" + key + "' is not an assignment group of " + department + "; its groups are "
                        + groups.of(department).stream().map(AssignmentGroup::key).collect(Collectors.joining(", "))));
    }

    /**
     * When a ticket has both, its assignee is a member of its group; the error names the member of the
     * request that made them disagree ({@code assignee} or {@code assignmentGroup}).
     */
    void checkMember(String department, String groupKey, String assignee, String field) {
        if (groupKey == null || assignee == null) {
            return;
        }
        AssignmentGroup group = groups.find(department, groupKey).orElse(null);
        if (group != null && !group.hasMember(assignee)) {
            throw new ValidationException(field, "'" + assignee + "' is not a member of the group " + groupKey
                    + " (members: " + String.join(", ", new java.util.TreeSet<>(group.members())) + ")");
        }
    }
}
