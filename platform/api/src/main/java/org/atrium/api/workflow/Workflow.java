package org.atrium.api.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The state machine of a request type: a shipped default (named after a category) or the type's own.
 *
 * @param name                 the shipped default's name ({@code incident}, ...), or null for a type's own
 * @param initial              the state a new ticket starts in
 * @param states               every state
 * @param transitions          every step between them
 * @param fieldRules           who may change which fields when; empty means {@link #DEFAULT_FIELD_RULES}
 * @param requesterReopens     a public comment by the requester on a resolved ticket moves it back to
 *                             this state (null: it does not)
 * @param closedComments       {@code refuse} (the default) or {@code reopen}: what a comment on a
 *                             ticket in a closed state does; reopen moves it to {@code requesterReopens}
 */
public record Workflow(String name, String initial, List<WorkflowState> states, List<WorkflowTransition> transitions,
        List<FieldRule> fieldRules, String requesterReopens, String closedComments) {
    public static final String REFUSE = "refuse";
    public static final String REOPEN = "reopen";

    /** The requester edits while the ticket is open; agents and the assignee until it is resolved. */
    public static final List<FieldRule> DEFAULT_FIELD_RULES = List.of(
            new FieldRule(List.of(WorkflowTransition.REQUESTER), List.of("summary", "description", "impact", "urgency", "fields.*"),
                    List.of(StatusCategory.OPEN)),
            new FieldRule(List.of(WorkflowTransition.AGENTS, WorkflowTransition.ASSIGNEE),
                    List.of("summary", "description", "impact", "urgency", "assignee", "assignmentGroup", "fields.*"),
                    List.of(StatusCategory.OPEN, StatusCategory.IN_PROGRESS, StatusCategory.PENDING)));

    public Workflow {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        fieldRules = fieldRules == null || fieldRules.isEmpty() ? DEFAULT_FIELD_RULES : List.copyOf(fieldRules);
        closedComments = closedComments == null ? REFUSE : closedComments;
    }

    public Optional<WorkflowState> state(String key) {
        return states.stream().filter(state -> state.key().equals(key)).findFirst();
    }

    /** The transitions that leave {@code from}, in declared order. */
    public List<WorkflowTransition> from(String from) {
        return transitions.stream().filter(t -> t.from().contains(from)).toList();
    }
}
