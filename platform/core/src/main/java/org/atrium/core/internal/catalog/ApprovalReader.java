package org.atrium.core.internal.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.approval.ApprovalProcess;
import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.approval.ApproverRule;
import org.atrium.api.approval.DecisionRule;
import org.atrium.api.approval.StageTimeout;
import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.Workflow;

/**
 * Reads a descriptor's {@code approvals} (docs/descriptors.md, "Approvals"): processes started by
 * entering a workflow state, each with ordered stages. Every reference is checked against the form,
 * the workflow and the resolution codes, so the engine never meets a stage it cannot run.
 */
final class ApprovalReader {
    private static final Pattern STAGE_KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9-]{0,49}(/[a-z][a-z0-9-]{0,49})?");
    private static final Pattern ROLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,99}");
    private static final Pattern PERSON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Pattern RESOLVER = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Set<String> PROCESS_MEMBERS = Set.of("state", "onlyWhen", "stages", "approvedTo", "rejectedTo",
            "approvedResolution", "rejectedResolution");
    private static final Set<String> STAGE_MEMBERS = Set.of("key", "names", "approvers", "rule", "onlyWhen", "skipWhen", "shows",
            "locks", "timeout");
    private static final Set<String> TIMEOUT_MEMBERS = Set.of("after", "remindBefore", "decision");
    private static final Set<String> TIMEOUT_DECISIONS = Set.of(StageTimeout.APPROVE, StageTimeout.REJECT, StageTimeout.ESCALATE);

    private ApprovalReader() {
    }

    static List<ApprovalProcess> read(JsonNode node, List<FormField> form, Workflow workflow, List<FieldOption> codes)
            throws DescriptorException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DescriptorException("approvals", "must be a list of approval processes");
        }
        List<ApprovalProcess> processes = new ArrayList<>();
        Set<String> states = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ApprovalProcess process = process(node.get(i), "approvals[" + i + "]", form, workflow, codes);
            if (!states.add(process.state())) {
                throw new DescriptorException("approvals[" + i + "].state", "another process already starts in \"" + process.state() + "\"");
            }
            processes.add(process);
        }
        return List.copyOf(processes);
    }

    private static ApprovalProcess process(JsonNode node, String at, List<FormField> form, Workflow workflow, List<FieldOption> codes)
            throws DescriptorException {
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be an object with state, stages, approvedTo and rejectedTo");
        }
        DescriptorReader.onlyKnown(node, PROCESS_MEMBERS, at + ".");
        String state = WorkflowRefs.state(node, "state", at + ".state", workflow, false);
        Condition onlyWhen = FormConditionReader.read(node.get("onlyWhen"), at + ".onlyWhen", form);
        String approvedTo = WorkflowRefs.state(node, "approvedTo", at + ".approvedTo", workflow, false);
        String rejectedTo = WorkflowRefs.state(node, "rejectedTo", at + ".rejectedTo", workflow, false);
        for (Map.Entry<String, String> move : Map.of("approvedTo", approvedTo, "rejectedTo", rejectedTo).entrySet()) {
            String member = move.getKey();
            String target = move.getValue();
            if (target.equals(state)) {
                throw new DescriptorException(at + "." + member, "must be another state than \"" + state + "\", where the process runs");
            }
            WorkflowRefs.requireTransition(state, target, at + "." + member, workflow);
        }
        String approvedResolution = resolution(node, "approvedResolution", at, approvedTo, workflow, codes);
        String rejectedResolution = resolution(node, "rejectedResolution", at, rejectedTo, workflow, codes);
        return new ApprovalProcess(state, onlyWhen, stages(node.get("stages"), at + ".stages", form), approvedTo, rejectedTo,
                approvedResolution, rejectedResolution);
    }

    private static String resolution(JsonNode node, String member, String at, String target, Workflow workflow, List<FieldOption> codes)
            throws DescriptorException {
        if (node.has(member) && node.get(member).isNull()) {
            return null;
        }
        String code = DescriptorReader.optional(node, member, null, at + "." + member);
        if (code == null) {
            return null;
        }
        List<String> values = codes.stream().map(FieldOption::value).toList();
        if (!values.contains(code)) {
            throw new DescriptorException(at + "." + member, "\"" + code + "\" is not one of the type's resolutionCodes " + values);
        }
        StatusCategory category = workflow.state(target).orElseThrow().category();
        if (category != StatusCategory.RESOLVED && category != StatusCategory.CLOSED) {
            throw new DescriptorException(at + "." + member, "applies only to a target state that is resolved or closed; \""
                    + target + "\" is " + category.json());
        }
        return code;
    }

    private static List<ApprovalStage> stages(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list of stages");
        }
        List<ApprovalStage> stages = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ApprovalStage stage = stage(node.get(i), at + "[" + i + "]", form);
            if (!keys.add(stage.key())) {
                throw new DescriptorException(at + "[" + i + "].key", "\"" + stage.key() + "\" is used twice");
            }
            stages.add(stage);
        }
        return stages;
    }

    private static ApprovalStage stage(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be an object with key, names and approvers");
        }
        DescriptorReader.onlyKnown(node, STAGE_MEMBERS, at + ".");
        String key = DescriptorReader.text(node, "key", STAGE_KEY, "lower-case letters, digits and dashes, like manager", at + ".key");
        Map<String, String> names = DescriptorReader.languages(node.get("names"), at + ".names", true);
        return new ApprovalStage(key, names, approvers(node.get("approvers"), at + ".approvers", form),
                rule(node.get("rule"), at + ".rule"), FormConditionReader.read(node.get("onlyWhen"), at + ".onlyWhen", form),
                FormConditionReader.read(node.get("skipWhen"), at + ".skipWhen", form), formFields(node.get("shows"), at + ".shows", form),
                formFields(node.get("locks"), at + ".locks", form), timeout(node.get("timeout"), at + ".timeout"));
    }

    private static List<ApproverRule> approvers(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list like [{\"managerOf\": \"requester\"}, {\"role\": \"cab\"}]");
        }
        List<ApproverRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ApproverRule rule = approver(node.get(i), at + "[" + i + "]", form);
            if (rules.contains(rule)) {
                throw new DescriptorException(at + "[" + i + "]", "is listed twice");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static ApproverRule approver(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (!node.isObject() || node.size() != 1) {
            throw new DescriptorException(at, "must be an object with exactly one of " + DescriptorReader.sorted(ApproverRule.KINDS));
        }
        DescriptorReader.onlyKnown(node, ApproverRule.KINDS, at + ".");
        String kind = node.fieldNames().next();
        String here = at + "." + kind;
        String value = switch (kind) {
            case ApproverRule.GROUP -> DescriptorReader.text(node, kind, GROUP, "a group key, or department/key, like cab or it/cab", here);
            case ApproverRule.ROLE -> DescriptorReader.text(node, kind, ROLE, "a role name like cab", here);
            case ApproverRule.PERSON -> DescriptorReader.text(node, kind, PERSON, "a person's id like chris", here);
            case ApproverRule.RESOLVER -> DescriptorReader.text(node, kind, RESOLVER, "a resolver name like it.service-owner", here);
            default -> DescriptorReader.text(node, kind, null, null, here);
        };
        if (kind.equals(ApproverRule.MANAGER_OF) && !value.equals(ApproverRule.REQUESTER)) {
            FormField field = FormConditionReader.field(form, value).orElse(null);
            if (field == null || !field.type().equals("person")) {
                throw new DescriptorException(here, "must be \"requester\" or a person field of the form, not \""
                        + value + "\"" + (field == null ? "" : " (a " + field.type() + " field)"));
            }
        }
        return new ApproverRule(kind, value);
    }

    private static DecisionRule rule(JsonNode node, String at) throws DescriptorException {
        if (node == null || node.isNull()) {
            return DecisionRule.FIRST;
        }
        if (node.isTextual() && node.asText().equals(DecisionRule.ANY)) {
            return DecisionRule.FIRST;
        }
        if (node.isTextual() && node.asText().equals(DecisionRule.ALL)) {
            return new DecisionRule(DecisionRule.ALL, 0);
        }
        if (node.isObject() && node.size() == 1 && (node.has(DecisionRule.AT_LEAST) || node.has(DecisionRule.PERCENT))) {
            boolean atLeast = node.has(DecisionRule.AT_LEAST);
            String kind = atLeast ? DecisionRule.AT_LEAST : DecisionRule.PERCENT;
            JsonNode value = node.get(kind);
            int max = atLeast ? Integer.MAX_VALUE : 100;
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > max) {
                throw new DescriptorException(at + "." + kind, atLeast ? "must be a whole number of approvals from 1"
                        : "must be a whole number of percent from 1 to 100");
            }
            return new DecisionRule(kind, value.intValue());
        }
        throw new DescriptorException(at, "must be \"any\", \"all\", {\"atLeast\": n} or {\"percent\": p}");
    }

    private static List<String> formFields(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        List<String> names = new ArrayList<>();
        if (node == null || node.isNull()) {
            return names;
        }
        if (!node.isArray()) {
            throw new DescriptorException(at, "must be a list of form field names");
        }
        for (int i = 0; i < node.size(); i++) {
            String name = node.get(i).isTextual() ? node.get(i).asText() : "";
            if (FormConditionReader.field(form, name).isEmpty()) {
                throw new DescriptorException(at + "[" + i + "]", "must name a field of the form, not " + node.get(i));
            }
            names.add(name);
        }
        WorkflowRefs.noDuplicates(names, at);
        return names;
    }

    private static StageTimeout timeout(JsonNode node, String at) throws DescriptorException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be {\"after\": \"P3D\", \"remindBefore\": \"P1D\", \"decision\": \"escalate\"}");
        }
        DescriptorReader.onlyKnown(node, TIMEOUT_MEMBERS, at + ".");
        Duration after = duration(DescriptorReader.text(node, "after", null, null, at + ".after"), at + ".after");
        String remind = DescriptorReader.optional(node, "remindBefore", null, at + ".remindBefore");
        Duration remindBefore = remind == null ? null : duration(remind, at + ".remindBefore");
        if (remindBefore != null && remindBefore.compareTo(after) >= 0) {
            throw new DescriptorException(at + ".remindBefore", "must be shorter than after (" + node.get("after").asText() + ")");
        }
        String decision = DescriptorReader.text(node, "decision", null, null, at + ".decision");
        if (!TIMEOUT_DECISIONS.contains(decision)) {
            throw new DescriptorException(at + ".decision", "must be one of " + DescriptorReader.sorted(TIMEOUT_DECISIONS));
        }
        return new StageTimeout(after, remindBefore, decision);
    }

    private static Duration duration(String text, String at) throws DescriptorException {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new DescriptorException(at, "must be longer than zero");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new DescriptorException(at, "must be an ISO-8601 duration like P3D or PT12H, not \"" + text + "\"");
        }
    }
}
