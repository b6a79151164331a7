package org.atrium.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * A step between states.
 *
 * @param from   the states it leaves from
 * @param to     the state it enters
 * @param names  display name per language tag (de, en), e.g. "Resolve"
 * @param by     who may take it: {@code requester}, {@code assignee}, {@code agents} (the department's),
 *               {@code approver} (an approver of the ticket) or {@code role:NAME}
 * @param guards what must hold before it can be taken
 */
public record WorkflowTransition(List<String> from, String to, Map<String, String> names, List<String> by,
        TransitionGuards guards) {
    public static final String REQUESTER = "requester";
    public static final String ASSIGNEE = "assignee";
    public static final String AGENTS = "agents";
    public static final String APPROVER = "approver";
    public static final String ROLE_PREFIX = "role:";

    public WorkflowTransition {
        from = List.copyOf(from);
        names = Map.copyOf(names);
        by = List.copyOf(by);
        guards = guards == null ? TransitionGuards.NONE : guards;
    }
}
