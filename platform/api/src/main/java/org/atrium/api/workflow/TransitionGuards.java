package org.atrium.api.workflow;

import java.util.List;

/**
 * Conditions a transition checks on the server before it moves a ticket.
 *
 * @param fields           form fields that must hold a value
 * @param resolutionCode   the transition must carry one of the type's resolution codes
 * @param approvalsDecided every approval of the ticket must be decided
 * @param childrenResolved every child ticket must be resolved or closed
 */
public record TransitionGuards(List<String> fields, boolean resolutionCode, boolean approvalsDecided, boolean childrenResolved) {
    public static final TransitionGuards NONE = new TransitionGuards(List.of(), false, false, false);

    public TransitionGuards {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
