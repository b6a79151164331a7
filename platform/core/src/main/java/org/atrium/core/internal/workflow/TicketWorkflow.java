package org.atrium.core.internal.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.atrium.api.FieldError;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.ticket.Transition;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.api.workflow.WorkflowTransition;
import org.atrium.core.internal.catalog.DefaultWorkflows;

/**
 * The workflow one ticket follows (that of the type version it pins) and the checks a step must
 * pass: who may take it and which guards hold.
 */
public final class TicketWorkflow {
    private final Workflow workflow;
    private final List<FieldOption> resolutionCodes;

    private TicketWorkflow(Workflow workflow, List<FieldOption> resolutionCodes) {
        this.workflow = workflow;
        this.resolutionCodes = resolutionCodes;
    }

    /**
     * The type's workflow; a type version stored before types declared workflows follows its
     * category's shipped one, whose states include the former built-in ones.
     */
    public static TicketWorkflow of(RequestType type) {
        if (type.workflow() != null) {
            return new TicketWorkflow(type.workflow(), type.resolutionCodes());
        }
        DefaultWorkflows.Shipped shipped = DefaultWorkflows.forCategory(type.category());
        return new TicketWorkflow(shipped.workflow(), type.resolutionCodes().isEmpty() ? shipped.resolutionCodes() : type.resolutionCodes());
    }

    public Workflow definition() {
        return workflow;
    }

    public WorkflowState initial() {
        return state(workflow.initial());
    }

    /** The ticket's state; a status outside the workflow is a broken invariant, not user input. */
    public WorkflowState state(String key) {
        return workflow.state(key).orElseThrow(() -> new IllegalStateException("Status " + key + " is not in the workflow"));
    }

    public Optional<WorkflowTransition> step(String from, String to) {
        return workflow.from(from).stream().filter(t -> t.to().equals(to)).findFirst();
    }

    /** The steps out of {@code from} the parties may take, in declared order. */
    public List<WorkflowTransition> allowed(String from, Parties parties) {
        return workflow.from(from).stream().filter(t -> parties.holdsAny(t.by())).toList();
    }

    /** Every guard of the step that does not hold, as errors naming what is missing; empty when it may be taken. */
    public List<FieldError> unmetGuards(WorkflowTransition step, Map<String, Object> fields, String resolutionCode,
            long ticketId, TicketFacts facts) {
        List<FieldError> unmet = new ArrayList<>();
        for (String field : step.guards().fields()) {
            Object value = fields.get(field);
            if (value == null || (value instanceof String text && text.isBlank()) || (value instanceof List<?> list && list.isEmpty())) {
                unmet.add(new FieldError("fields." + field, "must be filled first"));
            }
        }
        if (step.guards().resolutionCode() && resolutionCode == null) {
            unmet.add(new FieldError("resolutionCode", "is required: one of " + codeValues()));
        }
        if (step.guards().approvalsDecided()) {
            int open = facts.undecidedApprovals(ticketId);
            if (open > 0) {
                unmet.add(new FieldError("approvals", open + " approval" + (open == 1 ? " is" : "s are") + " not decided yet"));
            }
        }
        if (step.guards().childrenResolved()) {
            List<String> children = facts.unresolvedChildren(ticketId);
            if (!children.isEmpty()) {
                unmet.add(new FieldError("children", "not resolved yet: " + String.join(", ", children)));
            }
        }
        return unmet;
    }

    /** The resolution code as given, checked: only when entering a resolved state, and one of the type's. */
    public Optional<FieldError> checkResolutionCode(WorkflowState target, String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (target.category() != StatusCategory.RESOLVED) {
            return Optional.of(new FieldError("resolutionCode", "applies only when resolving, not when moving to " + target.key()));
        }
        if (resolutionCodes.stream().noneMatch(option -> option.value().equals(code))) {
            return Optional.of(new FieldError("resolutionCode", "must be one of " + codeValues()));
        }
        return Optional.empty();
    }

    /** The step as the caller sees it, with what still blocks it. */
    public Transition describe(WorkflowTransition step, Map<String, Object> fields, long ticketId, TicketFacts facts) {
        WorkflowState target = state(step.to());
        boolean needsCode = step.guards().resolutionCode();
        List<Transition.ResolutionCode> codes = needsCode || target.category() == StatusCategory.RESOLVED
                ? resolutionCodes.stream().map(o -> new Transition.ResolutionCode(o.value(), o.labels())).toList() : List.of();
        List<FieldError> blocked = unmetGuards(step, fields, "(chosen when the step is taken)", ticketId, facts);
        return new Transition(step.to(), Objects.requireNonNullElse(step.names().get("en"), step.to()), step.names(),
                target.category().json(), needsCode, codes, blocked, List.of());
    }

    public List<Transition.ResolutionCode> resolutionCodes() {
        return resolutionCodes.stream().map(o -> new Transition.ResolutionCode(o.value(), o.labels())).toList();
    }

    private List<String> codeValues() {
        return resolutionCodes.stream().map(FieldOption::value).toList();
    }
}
