package org.atrium.core.internal.persistence;

import java.util.Set;

/**
 * Which history values name a person (and are therefore stored as person ids): the assignee before
 * and after a change, the approver asked, reminded, overdue or escalated to, the person an approver
 * decided for. Keep in step with V13, which rewrote the same values of existing rows.
 */
final class PersonValuedHistory {
    private static final Set<String> AFTER = Set.of("approval-requested", "approval-reminded", "approval-overdue", "approval-escalated");
    private static final Set<String> BEFORE = Set.of("approval-decided", "approval-escalated");

    private PersonValuedHistory() {
    }

    static boolean before(String action, String field) {
        return assignee(action, field) || BEFORE.contains(action);
    }

    static boolean after(String action, String field) {
        return assignee(action, field) || AFTER.contains(action);
    }

    private static boolean assignee(String action, String field) {
        return "updated".equals(action) && "assignee".equals(field);
    }
}
