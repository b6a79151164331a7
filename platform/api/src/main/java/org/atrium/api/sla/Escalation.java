package org.atrium.api.sla;

import java.util.Objects;
import java.util.Set;

/**
 * What the server does when a clock warns or breaches, besides the event and the history row.
 *
 * @param action {@code raise-priority} (value: the priority to raise to, e.g. {@code P2}; never lowers),
 *               {@code assign-group} (value: an assignment group of the ticket's department), or
 *               {@code notify-role} (value: a role; the event names it for notifications to pick up)
 * @param value  as the action says
 */
public record Escalation(String action, String value) {
    public static final String RAISE_PRIORITY = "raise-priority";
    public static final String ASSIGN_GROUP = "assign-group";
    public static final String NOTIFY_ROLE = "notify-role";
    public static final Set<String> ACTIONS = Set.of(RAISE_PRIORITY, ASSIGN_GROUP, NOTIFY_ROLE);

    public Escalation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(value, "value");
    }
}
