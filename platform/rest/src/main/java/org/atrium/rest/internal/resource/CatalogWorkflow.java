package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;

/**
 * The states a type's tickets go through, as a client shows them (status names, timelines, queue
 * colours by category). Who may take which step is answered per ticket by GET .../transitions.
 *
 * @param name    the shipped workflow's name, or null for the type's own
 * @param initial the state a new ticket starts in
 * @param states  every state with its names and status category
 */
public record CatalogWorkflow(@JsonInclude(JsonInclude.Include.NON_NULL) String name, String initial, List<State> states) {

    public record State(String key, Map<String, String> names, @JsonInclude(JsonInclude.Include.NON_NULL) String name, String category) {
        static State of(WorkflowState state, String language) {
            return new State(state.key(), state.names(), AcceptedLanguage.resolve(state.names(), language), state.category().json());
        }
    }

    static CatalogWorkflow of(Workflow workflow, String language) {
        return new CatalogWorkflow(workflow.name(), workflow.initial(),
                workflow.states().stream().map(state -> State.of(state, language)).toList());
    }
}
