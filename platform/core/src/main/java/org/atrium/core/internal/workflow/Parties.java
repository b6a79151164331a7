package org.atrium.core.internal.workflow;

import java.util.List;

import org.atrium.api.security.Caller;
import org.atrium.api.workflow.WorkflowTransition;

/**
 * The capacities in which a caller acts on one ticket: requester, assignee, agent of its
 * department, approver of it, and their roles. Transitions and field rules name parties; this
 * decides whether the caller is one of them.
 */
public record Parties(Caller caller, boolean requester, boolean assignee, boolean agent, boolean approver) {

    public boolean holds(String party) {
        return switch (party) {
            case WorkflowTransition.REQUESTER -> requester;
            case WorkflowTransition.ASSIGNEE -> assignee;
            case WorkflowTransition.AGENTS -> agent;
            case WorkflowTransition.APPROVER -> approver;
            default -> party.startsWith(WorkflowTransition.ROLE_PREFIX)
                    && caller.hasRole(party.substring(WorkflowTransition.ROLE_PREFIX.length()));
        };
    }

    public boolean holdsAny(List<String> parties) {
        return parties.stream().anyMatch(this::holds);
    }
}
