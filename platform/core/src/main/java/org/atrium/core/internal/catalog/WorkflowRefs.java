package org.atrium.core.internal.catalog;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;

/** Checks of the state names that approvals and child tickets use against the type's workflow. */
final class WorkflowRefs {
    private WorkflowRefs() {
    }

    /** The state named at {@code member} of {@code node}; required unless {@code optional}. */
    static String state(JsonNode node, String member, String at, Workflow workflow, boolean optional) throws DescriptorException {
        String key = optional ? DescriptorReader.optional(node, member, null, at) : DescriptorReader.text(node, member, null, null, at);
        if (key != null) {
            requireState(key, at, workflow);
        }
        return key;
    }

    static void requireState(String key, String at, Workflow workflow) throws DescriptorException {
        if (workflow.state(key).isEmpty()) {
            throw new DescriptorException(at, "\"" + key + "\" is not a state of the workflow; states are " + keys(workflow));
        }
    }

    /**
     * The server's own moves (approved, rejected, children done) go along a declared transition, so
     * that the workflow shows every way a ticket can take and its guards keep people from taking it early.
     */
    static void requireTransition(String from, String to, String at, Workflow workflow) throws DescriptorException {
        if (workflow.from(from).stream().noneMatch(t -> t.to().equals(to))) {
            throw new DescriptorException(at, "needs a transition from \"" + from + "\" to \"" + to
                    + "\" in the workflow (e.g. by approver, guarded by approvalsDecided)");
        }
    }

    static List<String> keys(Workflow workflow) {
        return workflow.states().stream().map(WorkflowState::key).toList();
    }

    static void noDuplicates(List<String> values, String at) throws DescriptorException {
        if (Set.copyOf(values).size() != values.size()) {
            throw new DescriptorException(at, "lists a value twice: " + values);
        }
    }
}
