package org.atrium.core.internal.catalog;

import static org.atrium.core.internal.catalog.DescriptorReader.bool;
import static org.atrium.core.internal.catalog.DescriptorReader.languages;
import static org.atrium.core.internal.catalog.DescriptorReader.onlyKnown;
import static org.atrium.core.internal.catalog.DescriptorReader.optional;
import static org.atrium.core.internal.catalog.DescriptorReader.sorted;
import static org.atrium.core.internal.catalog.DescriptorReader.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.workflow.FieldRule;
import org.atrium.api.workflow.StateAction;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.TransitionGuards;
import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.api.workflow.WorkflowTransition;
import org.atrium.core.internal.form.Json;

/**
 * Reads and checks a workflow (docs/descriptors.md, "Workflow"), the type's own or a shipped
 * default. Every reference is checked here, so that a ticket can never reach a state it cannot leave
 * by a rule nobody can satisfy: states exist, transitions are unique per pair, guards name fields of
 * the form, and resolution guards have codes to choose from.
 */
final class WorkflowReader {
    private static final Pattern STATE_KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern ROLE = Pattern.compile("role:[a-zA-Z][a-zA-Z0-9_.-]{0,99}");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Set<String> WORKFLOW_MEMBERS = Set.of("initial", "states", "transitions", "requesterReopens",
            "closedComments");
    private static final Set<String> STATE_MEMBERS = Set.of("key", "names", "category", "onEnter", "autoClose", "waitsForRequester");
    private static final Set<String> TRANSITION_MEMBERS = Set.of("from", "to", "names", "by", "guards");
    private static final Set<String> GUARD_MEMBERS = Set.of("fields", "resolutionCode", "approvalsDecided", "childrenResolved");
    private static final Set<String> PARTIES = Set.of(WorkflowTransition.REQUESTER, WorkflowTransition.ASSIGNEE,
            WorkflowTransition.AGENTS, WorkflowTransition.APPROVER);
    private static final Set<String> TICKET_FIELDS = Set.of("summary", "description", "impact", "urgency", "assignee", "assignmentGroup",
            "fields.*");
    /** Auto-close waits at least this long: a requester must have a chance to object. */
    static final Duration SHORTEST_AUTO_CLOSE = Duration.ofMinutes(1);

    private WorkflowReader() {
    }

    /**
     * Reads {@code node} (at {@code at} in the descriptor) against the type's form and resolution
     * codes; {@code name} is the shipped default's name, or null for a type's own workflow.
     */
    static Workflow read(JsonNode node, String at, String name, List<FormField> form, List<FieldOption> resolutionCodes)
            throws DescriptorException {
        if (node == null || !node.isObject()) {
            throw new DescriptorException(at, "must be the name of a shipped workflow or an object with states and transitions");
        }
        onlyKnown(node, WORKFLOW_MEMBERS, at + ".");
        Set<String> formFields = form.stream().map(FormField::name).collect(Collectors.toSet());
        List<WorkflowState> states = states(node.get("states"), at + ".states", formFields);
        Set<String> keys = states.stream().map(WorkflowState::key).collect(Collectors.toCollection(LinkedHashSet::new));
        String initial = text(node, "initial", STATE_KEY, "a state key", at + ".initial");
        if (!keys.contains(initial)) {
            throw new DescriptorException(at + ".initial", "must be one of the states: " + String.join(", ", keys));
        }
        List<WorkflowTransition> transitions = transitions(node.get("transitions"), at + ".transitions", keys, formFields,
                !resolutionCodes.isEmpty());
        checkStates(states, transitions, initial, at);
        String reopens = optional(node, "requesterReopens", STATE_KEY, at + ".requesterReopens", "a state key");
        if (reopens != null && !keys.contains(reopens)) {
            throw new DescriptorException(at + ".requesterReopens", "must be one of the states: " + String.join(", ", keys));
        }
        String closedComments = optional(node, "closedComments", null, at + ".closedComments");
        if (closedComments != null && !Set.of(Workflow.REFUSE, Workflow.REOPEN).contains(closedComments)) {
            throw new DescriptorException(at + ".closedComments", "must be \"refuse\" or \"reopen\"");
        }
        if (Workflow.REOPEN.equals(closedComments) && reopens == null) {
            throw new DescriptorException(at + ".closedComments", "\"reopen\" needs requesterReopens: the state a comment reopens to");
        }
        return new Workflow(name, initial, states, transitions, List.of(), reopens, closedComments);
    }

    /**
     * {@code "waitsForRequester": true} marks a pending state as waiting for the requester's answer (the
     * requester is mailed on entering it); without it, only the state {@code waiting-for-requester} waits.
     */
    private static boolean waitsForRequester(JsonNode state, String key, StatusCategory category, String here) throws DescriptorException {
        JsonNode flag = state.get("waitsForRequester");
        if (flag == null) {
            return WorkflowState.WAITING_FOR_REQUESTER.equals(key);
        }
        if (!flag.isBoolean()) {
            throw new DescriptorException(here + ".waitsForRequester", "must be true or false");
        }
        if (flag.booleanValue() && category != StatusCategory.PENDING) {
            throw new DescriptorException(here + ".waitsForRequester", "applies to pending states only");
        }
        return flag.booleanValue();
    }

    private static List<WorkflowState> states(JsonNode node, String at, Set<String> formFields) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list of states");
        }
        List<WorkflowState> states = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode state = node.get(i);
            if (!state.isObject()) {
                throw new DescriptorException(here, "must be an object");
            }
            onlyKnown(state, STATE_MEMBERS, here + ".");
            String key = text(state, "key", STATE_KEY, "lower-case letters, digits and dashes, like waiting-for-requester", here + ".key");
            if (!seen.add(key)) {
                throw new DescriptorException(here + ".key", "\"" + key + "\" is used twice");
            }
            String categoryText = text(state, "category", null, null, here + ".category");
            StatusCategory category = StatusCategory.parse(categoryText).orElseThrow(() -> new DescriptorException(
                    here + ".category", "must be one of " + Arrays.stream(StatusCategory.values()).map(StatusCategory::json)
                            .collect(Collectors.joining(", "))));
            Map<String, String> names = languages(state.get("names"), here + ".names", true);
            List<StateAction> onEnter = actions(state.get("onEnter"), here + ".onEnter", formFields);
            String after = null;
            String to = null;
            JsonNode autoClose = state.get("autoClose");
            if (autoClose != null) {
                if (category != StatusCategory.RESOLVED || !autoClose.isObject()) {
                    throw new DescriptorException(here + ".autoClose", category != StatusCategory.RESOLVED
                            ? "applies to resolved states only" : "must be {\"after\": \"P5D\", \"to\": \"closed\"}");
                }
                onlyKnown(autoClose, Set.of("after", "to"), here + ".autoClose.");
                after = text(autoClose, "after", null, null, here + ".autoClose.after");
                try {
                    if (Duration.parse(after).compareTo(SHORTEST_AUTO_CLOSE) < 0) {
                        throw new DescriptorException(here + ".autoClose.after", "must be at least one minute");
                    }
                } catch (DateTimeParseException e) {
                    throw new DescriptorException(here + ".autoClose.after", "must be an ISO-8601 duration like P5D or PT12H");
                }
                to = text(autoClose, "to", STATE_KEY, "a state key", here + ".autoClose.to");
            }
            states.add(new WorkflowState(key, names, category, onEnter, after, to, waitsForRequester(state, key, category, here)));
        }
        return states;
    }

    private static List<StateAction> actions(JsonNode node, String at, Set<String> formFields) throws DescriptorException {
        List<StateAction> actions = new ArrayList<>();
        if (node == null) {
            return actions;
        }
        if (!node.isArray()) {
            throw new DescriptorException(at, "must be a list of {\"set\": field, \"value\": ...} or {\"run\": name}");
        }
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode action = node.get(i);
            if (!action.isObject() || action.has("set") == action.has("run")) {
                throw new DescriptorException(here, "must be {\"set\": field, \"value\": ...} or {\"run\": name}");
            }
            if (action.has("run")) {
                onlyKnown(action, Set.of("run"), here + ".");
                actions.add(StateAction.run(text(action, "run", EXTENSION_NAME, "a name like it.notify", here + ".run")));
            } else {
                onlyKnown(action, Set.of("set", "value"), here + ".");
                String field = text(action, "set", null, null, here + ".set");
                if (!formFields.contains(field)) {
                    throw new DescriptorException(here + ".set", "must name a field of the form, not \"" + field + "\"");
                }
                JsonNode value = action.get("value");
                if (value != null && value.isContainerNode()) {
                    throw new DescriptorException(here + ".value", "must be a text, number, boolean or null");
                }
                actions.add(StateAction.set(field, value == null || value.isNull() ? null : Json.MAPPER.convertValue(value, Object.class)));
            }
        }
        return actions;
    }

    private static List<WorkflowTransition> transitions(JsonNode node, String at, Set<String> states, Set<String> formFields,
            boolean hasResolutionCodes) throws DescriptorException {
        if (node == null || !node.isArray()) {
            throw new DescriptorException(at, "must be a list of transitions");
        }
        List<WorkflowTransition> transitions = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode transition = node.get(i);
            if (!transition.isObject()) {
                throw new DescriptorException(here, "must be an object");
            }
            onlyKnown(transition, TRANSITION_MEMBERS, here + ".");
            List<String> from = stateList(transition.get("from"), here + ".from", states);
            String to = text(transition, "to", STATE_KEY, "a state key", here + ".to");
            if (!states.contains(to)) {
                throw new DescriptorException(here + ".to", "must be one of the states: " + String.join(", ", states));
            }
            for (String source : from) {
                if (source.equals(to)) {
                    throw new DescriptorException(here + ".from", "must not contain the target state \"" + to + "\"");
                }
                if (!pairs.add(source + ">" + to)) {
                    throw new DescriptorException(here, "a transition from \"" + source + "\" to \"" + to + "\" is declared twice");
                }
            }
            Map<String, String> names = languages(transition.get("names"), here + ".names", true);
            List<String> by = parties(transition.get("by"), here + ".by", true);
            TransitionGuards guards = guards(transition.get("guards"), here + ".guards", formFields, hasResolutionCodes);
            transitions.add(new WorkflowTransition(from, to, names, by, guards));
        }
        return transitions;
    }

    private static List<String> stateList(JsonNode node, String at, Set<String> states) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list of state keys");
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || !states.contains(node.get(i).asText())) {
                throw new DescriptorException(at + "[" + i + "]", "must be one of the states: " + String.join(", ", states));
            }
            keys.add(node.get(i).asText());
        }
        return keys;
    }

    private static List<String> parties(JsonNode node, String at, boolean approverAllowed) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must list who may: requester, assignee, agents, approver or role:NAME");
        }
        List<String> parties = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String party = node.get(i).isTextual() ? node.get(i).asText() : "";
            boolean known = PARTIES.contains(party) && (approverAllowed || !party.equals(WorkflowTransition.APPROVER));
            if (!known && !ROLE.matcher(party).matches()) {
                throw new DescriptorException(at + "[" + i + "]", "must be requester, assignee, agents"
                        + (approverAllowed ? ", approver" : "") + " or role:NAME, not \"" + party + "\"");
            }
            parties.add(party);
        }
        return parties;
    }

    private static TransitionGuards guards(JsonNode node, String at, Set<String> formFields, boolean hasResolutionCodes)
            throws DescriptorException {
        if (node == null) {
            return TransitionGuards.NONE;
        }
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be an object");
        }
        onlyKnown(node, GUARD_MEMBERS, at + ".");
        List<String> fields = new ArrayList<>();
        JsonNode list = node.get("fields");
        if (list != null) {
            if (!list.isArray()) {
                throw new DescriptorException(at + ".fields", "must be a list of form field names");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual() || !formFields.contains(list.get(i).asText())) {
                    throw new DescriptorException(at + ".fields[" + i + "]", "must name a field of the form");
                }
                fields.add(list.get(i).asText());
            }
        }
        boolean resolutionCode = bool(node, "resolutionCode", at + ".resolutionCode");
        if (resolutionCode && !hasResolutionCodes) {
            throw new DescriptorException(at + ".resolutionCode", "needs the type's resolutionCodes to choose from");
        }
        return new TransitionGuards(fields, resolutionCode, bool(node, "approvalsDecided", at + ".approvalsDecided"),
                bool(node, "childrenResolved", at + ".childrenResolved"));
    }

    /** Every state but the initial one can be entered, every state that is not closed can be left. */
    private static void checkStates(List<WorkflowState> states, List<WorkflowTransition> transitions, String initial, String at)
            throws DescriptorException {
        Set<String> keys = states.stream().map(WorkflowState::key).collect(Collectors.toSet());
        for (int i = 0; i < states.size(); i++) {
            WorkflowState state = states.get(i);
            boolean entered = state.key().equals(initial) || transitions.stream().anyMatch(t -> t.to().equals(state.key()));
            if (!entered) {
                throw new DescriptorException(at + ".states[" + i + "]", "\"" + state.key() + "\" cannot be reached: no transition leads to it");
            }
            boolean left = transitions.stream().anyMatch(t -> t.from().contains(state.key()));
            if (!left && state.category() != StatusCategory.CLOSED) {
                throw new DescriptorException(at + ".states[" + i + "]", "\"" + state.key() + "\" is a dead end: only closed states may have no way out");
            }
            if (state.autoCloseTo() != null) {
                WorkflowState target = states.stream().filter(s -> s.key().equals(state.autoCloseTo())).findFirst().orElse(null);
                if (target == null || target.category() != StatusCategory.CLOSED || !keys.contains(target.key())) {
                    throw new DescriptorException(at + ".states[" + i + "].autoClose.to", "must be a closed state");
                }
            }
        }
        if (states.stream().noneMatch(s -> s.category() == StatusCategory.CLOSED)) {
            throw new DescriptorException(at + ".states", "needs at least one closed state");
        }
    }

    /** The descriptor's {@code fieldRules}: who may change which fields in which status categories. */
    static List<FieldRule> fieldRules(JsonNode node, String at, Set<String> formFields) throws DescriptorException {
        List<FieldRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list of {\"parties\", \"fields\", \"categories\"}");
        }
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                throw new DescriptorException(here, "must be an object");
            }
            onlyKnown(rule, Set.of("parties", "fields", "categories"), here + ".");
            List<String> parties = parties(rule.get("parties"), here + ".parties", false);
            List<String> fields = new ArrayList<>();
            JsonNode list = rule.get("fields");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new DescriptorException(here + ".fields", "must be a non-empty list");
            }
            for (int f = 0; f < list.size(); f++) {
                String field = list.get(f).isTextual() ? list.get(f).asText() : "";
                boolean known = TICKET_FIELDS.contains(field)
                        || (field.startsWith("fields.") && formFields.contains(field.substring("fields.".length())));
                if (!known) {
                    throw new DescriptorException(here + ".fields[" + f + "]", "must be one of " + sorted(TICKET_FIELDS)
                            + " or fields.NAME of a form field, not \"" + field + "\"");
                }
                fields.add(field);
            }
            List<StatusCategory> categories = new ArrayList<>();
            JsonNode cats = rule.get("categories");
            if (cats == null || !cats.isArray() || cats.isEmpty()) {
                throw new DescriptorException(here + ".categories", "must be a non-empty list of status categories");
            }
            for (int c = 0; c < cats.size(); c++) {
                int index = c;
                categories.add(StatusCategory.parse(cats.get(c).asText()).orElseThrow(() -> new DescriptorException(
                        here + ".categories[" + index + "]", "must be open, in-progress, pending, resolved or closed")));
            }
            rules.add(new FieldRule(parties, fields, categories));
        }
        return rules;
    }
}
