package org.atrium.core.internal.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FormField;
import org.atrium.api.sla.ClockCondition;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.Escalation;
import org.atrium.api.sla.SlaPolicy;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.Workflow;
import org.atrium.core.internal.sla.SlaValues;

/**
 * Reads a descriptor's {@code sla} (docs/descriptors.md, "Service levels"): the calendar, the
 * warning share and the clocks with their targets per priority, conditions and escalations. States
 * and fields are checked against the type; calendars and groups only for their form, because both
 * are Karaf configuration that may be written after the bundle starts (the engine checks them when
 * it computes a clock).
 */
final class SlaReader {
    static final Pattern CLOCK_KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final Set<String> PRIORITIES = Set.copyOf(SlaValues.PRIORITIES);
    /** Clock keys the department overrides use as words of their own (SlaConfiguration). */
    static final Set<String> RESERVED_CLOCK_KEYS = Set.of("calendar");
    static final String NEVER = "never";
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final Pattern ROLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,99}");
    private static final Set<String> MEMBERS = Set.of("calendar", "calendars", "warnAt", "clocks");
    private static final Set<String> CLOCK_MEMBERS = Set.of("key", "names", "kind", "targets", "startWhen", "pauseWhen", "stopWhen",
            "cancelWhen", "resetWhen", "onWarning", "onBreach");
    private static final Set<String> CONDITION_MEMBERS = Set.of("categories", "states", "field", "publicAgentComment");
    private static final Set<String> KINDS = Set.of(ClockPolicy.SLA, ClockPolicy.OLA);

    private SlaReader() {
    }

    static SlaPolicy read(JsonNode node, List<FormField> form, Workflow workflow) throws DescriptorException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new DescriptorException("sla", "must be an object with calendar and clocks");
        }
        DescriptorReader.onlyKnown(node, MEMBERS, "sla.");
        String calendar = calendar(node, "calendar", "sla.calendar");
        Map<String, String> calendars = new LinkedHashMap<>();
        JsonNode byPriority = node.get("calendars");
        if (byPriority != null) {
            if (!byPriority.isObject()) {
                throw new DescriptorException("sla.calendars", "must map a priority to a calendar, like {\"P1\": \"24x7\"}");
            }
            DescriptorReader.onlyKnown(byPriority, PRIORITIES, "sla.calendars.");
            for (String priority : SlaValues.PRIORITIES) {
                if (byPriority.has(priority)) {
                    calendars.put(priority, calendar(byPriority, priority, "sla.calendars." + priority));
                }
            }
        }
        return new SlaPolicy(calendar, calendars, warnAt(node.get("warnAt"), "sla.warnAt"), clocks(node.get("clocks"), form, workflow));
    }

    /** A warning share: whole percent from 1 to 99 (also what a department override may set). */
    static int warnAt(JsonNode value, String at) throws DescriptorException {
        if (value == null) {
            return SlaPolicy.DEFAULT_WARN_PERCENT;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || !SlaValues.isWarnPercent(value.intValue())) {
            throw new DescriptorException(at, "must be a whole number of percent from 1 to 99");
        }
        return value.intValue();
    }

    private static String calendar(JsonNode node, String member, String at) throws DescriptorException {
        return DescriptorReader.text(node, member, SlaValues.CALENDAR, SlaValues.CALENDAR_TEXT, at);
    }

    private static List<ClockPolicy> clocks(JsonNode node, List<FormField> form, Workflow workflow) throws DescriptorException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new DescriptorException("sla.clocks", "must be a non-empty list of clocks");
        }
        List<ClockPolicy> clocks = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ClockPolicy clock = clock(node.get(i), "sla.clocks[" + i + "]", form, workflow);
            if (!keys.add(clock.key())) {
                throw new DescriptorException("sla.clocks[" + i + "].key", "\"" + clock.key() + "\" is used twice");
            }
            clocks.add(clock);
        }
        return clocks;
    }

    private static ClockPolicy clock(JsonNode node, String at, List<FormField> form, Workflow workflow) throws DescriptorException {
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be an object with key, names and targets");
        }
        DescriptorReader.onlyKnown(node, CLOCK_MEMBERS, at + ".");
        String key = DescriptorReader.text(node, "key", CLOCK_KEY, "lower-case letters, digits and dashes, like first-response", at + ".key");
        if (RESERVED_CLOCK_KEYS.contains(key)) {
            throw new DescriptorException(at + ".key", "\"" + key + "\" is reserved for the department's overrides; choose another key");
        }
        Map<String, String> names = DescriptorReader.languages(node.get("names"), at + ".names", true);
        String kind = DescriptorReader.optional(node, "kind", null, at + ".kind");
        if (kind != null && !KINDS.contains(kind)) {
            throw new DescriptorException(at + ".kind", "must be sla (towards the requester) or ola (between teams), not \"" + kind + "\"");
        }
        Map<String, Duration> targets = targets(node.get("targets"), at + ".targets");
        ClockCondition startWhen = condition(node, "startWhen", at, form, workflow, false);
        ClockCondition pauseWhen = condition(node, "pauseWhen", at, form, workflow, true);
        ClockCondition stopWhen = condition(node, "stopWhen", at, form, workflow, false);
        ClockCondition cancelWhen = condition(node, "cancelWhen", at, form, workflow, false);
        ClockCondition resetWhen = condition(node, "resetWhen", at, form, workflow, false);
        return new ClockPolicy(key, names, kind, targets, startWhen, pauseWhen, stopWhen, cancelWhen, resetWhen,
                escalations(node.get("onWarning"), at + ".onWarning"), escalations(node.get("onBreach"), at + ".onBreach"));
    }

    private static Map<String, Duration> targets(JsonNode node, String at) throws DescriptorException {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new DescriptorException(at, "must map one or more priorities to business time, like {\"P1\": \"PT4H\", \"P2\": \"PT8H\"}");
        }
        DescriptorReader.onlyKnown(node, PRIORITIES, at + ".");
        Map<String, Duration> targets = new LinkedHashMap<>();
        for (String priority : SlaValues.PRIORITIES) {
            JsonNode value = node.get(priority);
            if (value != null) {
                if (!value.isTextual()) {
                    throw new DescriptorException(at + "." + priority, "must be an ISO-8601 duration like PT4H");
                }
                targets.put(priority, target(value.asText(), at + "." + priority));
            }
        }
        return targets;
    }

    private static Duration target(String text, String at) throws DescriptorException {
        try {
            return SlaValues.target(text);
        } catch (IllegalArgumentException e) {
            throw new DescriptorException(at, e.getMessage());
        }
    }

    private static ClockCondition condition(JsonNode clock, String member, String at, List<FormField> form, Workflow workflow,
            boolean neverAllowed) throws DescriptorException {
        JsonNode node = clock.get(member);
        String here = at + "." + member;
        if (node == null || node.isNull()) {
            return null; // the ClockPolicy's default for this member
        }
        if (neverAllowed && node.isTextual() && node.asText().equals(NEVER)) {
            return ClockCondition.NEVER;
        }
        if (!node.isObject()) {
            throw new DescriptorException(here, "must be an object with any of categories, states, field and publicAgentComment"
                    + (neverAllowed ? ", or \"never\"" : ""));
        }
        DescriptorReader.onlyKnown(node, CONDITION_MEMBERS, here + ".");
        List<String> categories = names(node.get("categories"), here + ".categories");
        for (int i = 0; i < categories.size(); i++) {
            if (StatusCategory.parse(categories.get(i)).isEmpty()) {
                throw new DescriptorException(here + ".categories[" + i + "]", "\"" + categories.get(i)
                        + "\" is not a status category; they are open, in-progress, pending, resolved, closed");
            }
        }
        List<String> states = names(node.get("states"), here + ".states");
        for (int i = 0; i < states.size(); i++) {
            WorkflowRefs.requireState(states.get(i), here + ".states[" + i + "]", workflow);
        }
        Condition field = FormConditionReader.read(node.get("field"), here + ".field", form);
        boolean publicAgentComment = DescriptorReader.bool(node, "publicAgentComment", here + ".publicAgentComment");
        ClockCondition condition = new ClockCondition(categories, states, field, publicAgentComment);
        if (condition.isNever()) {
            throw new DescriptorException(here, "needs at least one of categories, states, field and publicAgentComment: true");
        }
        return condition;
    }

    private static List<String> names(JsonNode node, String at) throws DescriptorException {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list of texts");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new DescriptorException(at + "[" + i + "]", "must be a text");
            }
            names.add(node.get(i).asText());
        }
        WorkflowRefs.noDuplicates(names, at);
        return names;
    }

    private static List<Escalation> escalations(JsonNode node, String at) throws DescriptorException {
        List<Escalation> escalations = new ArrayList<>();
        if (node == null || node.isNull()) {
            return escalations;
        }
        if (!node.isArray()) {
            throw new DescriptorException(at, "must be a list like [{\"notify-role\": \"agent-it\"}]");
        }
        Set<String> actions = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject() || entry.size() != 1) {
                throw new DescriptorException(here, "must be an object with exactly one of " + DescriptorReader.sorted(Escalation.ACTIONS));
            }
            DescriptorReader.onlyKnown(entry, Escalation.ACTIONS, here + ".");
            String action = entry.fieldNames().next();
            String value = switch (action) {
                case Escalation.RAISE_PRIORITY -> {
                    String priority = DescriptorReader.text(entry, action, null, null, here + "." + action);
                    if (!PRIORITIES.contains(priority)) {
                        throw new DescriptorException(here + "." + action, "must be P1, P2, P3 or P4, not \"" + priority + "\"");
                    }
                    yield priority;
                }
                case Escalation.ASSIGN_GROUP -> DescriptorReader.text(entry, action, GROUP,
                        "a group key of the department: lower-case letters, digits and dashes", here + "." + action);
                default -> DescriptorReader.text(entry, action, ROLE, "a role name like agent-it", here + "." + action);
            };
            Escalation escalation = new Escalation(action, value);
            if (escalations.contains(escalation)) {
                throw new DescriptorException(here, "is listed twice");
            }
            if (!action.equals(Escalation.NOTIFY_ROLE) && !actions.add(action)) {
                throw new DescriptorException(here, "a list takes one " + action + ": the ticket can only get one");
            }
            escalations.add(escalation);
        }
        return escalations;
    }
}
