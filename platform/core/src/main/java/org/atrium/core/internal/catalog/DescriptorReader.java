package org.atrium.core.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.approval.ApprovalProcess;
import org.atrium.api.catalog.Audience;
import org.atrium.api.catalog.ChildTickets;
import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RoutingRule;
import org.atrium.api.sla.SlaPolicy;
import org.atrium.api.workflow.FieldRule;
import org.atrium.api.workflow.StateAction;
import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.core.internal.form.FieldTypes;
import org.atrium.core.internal.form.Json;

/**
 * Reads one request-type descriptor (docs/descriptors.md) and checks it completely before anything
 * is registered: a descriptor is accepted whole or refused whole, naming the field at fault.
 */
final class DescriptorReader {
    static final Set<String> CATEGORIES = Set.of("incident", "service-request", "change", "problem", "task");
    static final List<String> LANGUAGES = List.of("de", "en");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Set<String> TOP_LEVEL = Set.of("key", "department", "category", "keyPrefix", "names", "help",
            "fields", "schemaVersion", "confidential", "validators", "calculators", "actions", "workflow", "resolutionCodes",
            "fieldRules", "audience", "routing", "approvals", "children", "sla", "departmentNames");
    /** A label of the department, not of the type: changing it changes no ticket, so it needs no new schemaVersion. */
    private static final String DEPARTMENT_NAMES = "departmentNames";
    private static final Set<String> FIELD_MEMBERS = Set.of("name", "type", "required", "labels", "help", "options",
            "optionSource", "min", "max", "minLength", "maxLength", "pattern", "requiredWhen", "shownWhen", "computed",
            "notInPast", "maxDays");

    private DescriptorReader() {
    }

    /**
     * Reads and checks the whole descriptor. Independent parts are all checked, so the
     * {@link DescriptorErrors} thrown lists every mistake; the parts that refer to the form (workflow,
     * audience, routing, approvals, children, SLA) are checked once the form itself is valid, so that one
     * wrong field does not also show as every reference to it.
     */
    static RequestType read(InputStream in, String bundle) throws DescriptorException {
        JsonNode root = parse(in);
        DescriptorErrors.Collector errors = new DescriptorErrors.Collector();
        unknownMembers(root, TOP_LEVEL, "").forEach(errors::add);
        String key = errors.take(() -> text(root, "key", KEY, "like it.incident: lower-case words joined by dots", "key"), null);
        String department = errors.take(() -> text(root, "department", DEPARTMENT, "lower-case letters, digits and dashes", "department"), null);
        String category = errors.take(() -> {
            String value = text(root, "category", null, null, "category");
            if (!CATEGORIES.contains(value)) {
                throw new DescriptorException("category", "must be one of " + sorted(CATEGORIES));
            }
            return value;
        }, null);
        if (key != null && department != null && !key.startsWith(department + ".")) {
            errors.add(new DescriptorException("key", "must start with the department, \"" + department + ".\""));
        }
        String prefix = errors.take(() -> text(root, "keyPrefix", PREFIX, "1 to 10 upper-case letters or digits, like IT", "keyPrefix"), null);
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            errors.add(new DescriptorException("schemaVersion", "must be a whole number from 1"));
        }
        boolean confidential = errors.take(() -> bool(root, "confidential", "confidential"), false);
        Map<String, String> names = errors.take(() -> languages(root.get("names"), "names", true), Map.of());
        Map<String, String> help = errors.take(() -> languages(root.get("help"), "help", false), Map.of());
        Map<String, String> departmentNames = errors.take(() -> languages(root.get(DEPARTMENT_NAMES), DEPARTMENT_NAMES, false), Map.of());
        DescriptorErrors.Collector fieldErrors = new DescriptorErrors.Collector();
        List<FormField> fields = fields(root.get("fields"), fieldErrors);
        List<String> validators = errors.take(() -> extensionNames(root.get("validators"), "validators"), List.of());
        List<String> calculators = errors.take(() -> extensionNames(root.get("calculators"), "calculators"), List.of());
        if (calculators.isEmpty() && fields.stream().anyMatch(FormField::computed)) {
            errors.add(new DescriptorException("calculators", "must name the calculator that fills the computed fields"));
        }
        List<FieldOption> declaredCodes = root.has("resolutionCodes")
                ? errors.take(() -> options(root.get("resolutionCodes"), "resolutionCodes"), null) : List.of();
        errors.take(() -> {
            fieldErrors.throwIfAny();
            return null;
        }, null);
        if (!fieldErrors.clean() || declaredCodes == null || (category == null && root.get("workflow") == null)) {
            errors.throwIfAny(); // the workflow refers to the form, the codes and (by default) the category
        }
        List<FieldOption> codes = declaredCodes;
        Workflow workflow = errors.take(() -> workflow(root, category, fields, declaredCodes), null);
        if (workflow == null) {
            errors.throwIfAny();
        }
        if (codes.isEmpty() && (root.get("workflow") == null || root.get("workflow").isTextual())) {
            codes = DefaultWorkflows.named(root.get("workflow") == null ? category : root.get("workflow").asText())
                    .map(DefaultWorkflows.Shipped::resolutionCodes).orElse(codes);
        }
        // each part below depends on the workflow and the form only: all are checked
        Workflow flow = workflow;
        List<FieldOption> resolution = codes;
        Audience audience = errors.take(() -> AudienceReader.read(root.get("audience"), fields), null);
        List<RoutingRule> routing = errors.take(() -> RoutingReader.read(root.get("routing"), fields), null);
        List<ApprovalProcess> approvals = errors.take(() -> ApprovalReader.read(root.get("approvals"), fields, flow, resolution), null);
        ChildTickets children = errors.take(() -> ChildrenReader.read(root.get("children"), fields, flow), null);
        SlaPolicy sla = errors.take(() -> SlaReader.read(root.get("sla"), fields, flow), null);
        errors.throwIfAny();
        return new RequestType(key, department, category, prefix, names, help, fields, version.intValue(),
                confidential, validators, calculators, workflow, codes, bundle, audience, routing, approvals, children, sla, departmentNames);
    }

    /** The declared or shipped workflow with the type's actions and field rules. */
    private static Workflow workflow(JsonNode root, String category, List<FormField> fields, List<FieldOption> codes)
            throws DescriptorException {
        Workflow workflow;
        JsonNode declared = root.get("workflow");
        if (declared == null || declared.isTextual()) {
            String name = declared == null ? category : declared.asText();
            DefaultWorkflows.Shipped shipped = DefaultWorkflows.named(name).orElseThrow(() -> new DescriptorException("workflow",
                    "must be the name of a shipped workflow (" + sorted(DefaultWorkflows.all().keySet()) + ") or a workflow object"));
            workflow = shipped.workflow();
        } else {
            workflow = WorkflowReader.read(declared, "workflow", null, fields, codes);
        }
        return customised(workflow, root.get("actions"),
                WorkflowReader.fieldRules(root.get("fieldRules"), "fieldRules", fields.stream().map(FormField::name).collect(java.util.stream.Collectors.toSet())));
    }

    /**
     * SHA-256 (hex) of the descriptor as canonical JSON (members sorted, no white space): the same
     * for a re-formatted file, different for any change of content but the department's label
     * ({@code departmentNames}). Null for unreadable JSON.
     */
    static String contentHash(byte[] descriptor) {
        try {
            Object tree = Json.MAPPER.readValue(descriptor, Object.class);
            if (tree instanceof Map<?, ?> members) {
                members.remove(DEPARTMENT_NAMES); // the department's label is no part of the type's version
            }
            byte[] canonical = Json.MAPPER.writeValueAsBytes(tree);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            return null;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode parse(InputStream in) throws DescriptorException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DescriptorException("(file)", "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new DescriptorException("(file)", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DescriptorException("(file)", "must hold one JSON object");
        }
        return root;
    }

    /** The fields that are valid; each invalid one is recorded in {@code errors} and the others still checked. */
    private static List<FormField> fields(JsonNode node, DescriptorErrors.Collector errors) {
        List<FormField> fields = new ArrayList<>();
        if (node == null) {
            return fields;
        }
        if (!node.isArray()) {
            errors.add(new DescriptorException("fields", "must be a list"));
            return fields;
        }
        Map<String, String> typesByName = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "fields[" + i + "]";
            JsonNode member = node.get(i);
            FormField field = errors.take(() -> field(member, at), null);
            if (field == null) {
                continue;
            }
            if (typesByName.put(field.name(), field.type()) != null) {
                errors.add(new DescriptorException(at + ".name", "\"" + field.name() + "\" is used twice"));
                continue;
            }
            fields.add(field);
            paths.add(at);
        }
        if (!errors.clean()) {
            return fields; // a condition may name a field that was refused above: checked once the fields are valid
        }
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            String at = paths.get(i);
            errors.take(() -> {
                checkConditionTarget(field.requiredWhen(), field.name(), typesByName, at + ".requiredWhen");
                return null;
            }, null);
            errors.take(() -> {
                checkConditionTarget(field.shownWhen(), field.name(), typesByName, at + ".shownWhen");
                return null;
            }, null);
        }
        return fields;
    }

    private static FormField field(JsonNode node, String at) throws DescriptorException {
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be an object");
        }
        onlyKnown(node, FIELD_MEMBERS, at + ".");
        String name = text(node, "name", FIELD_NAME, "a letter, then letters, digits or _", at + ".name");
        String type = text(node, "type", null, null, at + ".type");
        if (!FieldTypes.ALL.contains(type)) {
            throw new DescriptorException(at + ".type", "must be one of " + sorted(FieldTypes.ALL));
        }
        List<FieldOption> options = options(node.get("options"), at + ".options");
        String optionSource = optional(node, "optionSource", EXTENSION_NAME, at + ".optionSource");
        boolean choice = FieldTypes.CHOICES.contains(type);
        if (choice && options.isEmpty() == (optionSource == null)) {
            throw new DescriptorException(at + ".options", "a " + type + " field needs either options or an optionSource");
        }
        if (!choice && (!options.isEmpty() || optionSource != null)) {
            throw new DescriptorException(at + ".options", "only choice and multi-choice fields have options");
        }
        BigDecimal min = number(node, "min", at, FieldTypes.COUNTED.contains(type), type);
        BigDecimal max = number(node, "max", at, FieldTypes.COUNTED.contains(type), type);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new DescriptorException(at + ".max", "must not be smaller than min");
        }
        Integer minLength = length(node, "minLength", at, type);
        Integer maxLength = length(node, "maxLength", at, type);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw new DescriptorException(at + ".maxLength", "must not be smaller than minLength");
        }
        String pattern = optional(node, "pattern", null, at + ".pattern");
        if (pattern != null) {
            if (!type.equals("text")) {
                throw new DescriptorException(at + ".pattern", "applies to text fields only");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new DescriptorException(at + ".pattern", "is not a valid regular expression: " + e.getDescription());
            }
        }
        boolean notInPast = bool(node, "notInPast", at + ".notInPast");
        if (notInPast && !FieldTypes.DATES.contains(type)) {
            throw new DescriptorException(at + ".notInPast", "applies to date and date-range fields, not " + type);
        }
        Integer maxDays = maxDays(node, at, type);
        return new FormField(name, type, bool(node, "required", at + ".required"),
                languages(node.get("labels"), at + ".labels", true), languages(node.get("help"), at + ".help", false),
                options, optionSource, min, max, minLength, maxLength, pattern,
                condition(node.get("requiredWhen"), at + ".requiredWhen"), condition(node.get("shownWhen"), at + ".shownWhen"),
                bool(node, "computed", at + ".computed"), notInPast, maxDays);
    }

    static List<FieldOption> options(JsonNode node, String at) throws DescriptorException {
        List<FieldOption> options = new ArrayList<>();
        if (node == null) {
            return options;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new DescriptorException(at, "must be a non-empty list");
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode option = node.get(i);
            FieldOption parsed;
            if (option.isTextual() && !option.asText().isBlank()) {
                parsed = new FieldOption(option.asText(), Map.of("de", option.asText(), "en", option.asText()));
            } else if (option.isObject()) {
                onlyKnown(option, Set.of("value", "labels"), at + "[" + i + "].");
                parsed = new FieldOption(text(option, "value", null, null, at + "[" + i + "].value"),
                        languages(option.get("labels"), at + "[" + i + "].labels", true));
            } else {
                throw new DescriptorException(at + "[" + i + "]", "must be a text or {\"value\", \"labels\"}");
            }
            if (!values.add(parsed.value())) {
                throw new DescriptorException(at + "[" + i + "]", "\"" + parsed.value() + "\" is listed twice");
            }
            options.add(parsed);
        }
        return options;
    }

    private static Condition condition(JsonNode node, String at) throws DescriptorException {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be {\"field\": ..., \"equals\": ...} or {\"field\": ..., \"in\": [...]}");
        }
        onlyKnown(node, Set.of("field", "equals", "in"), at + ".");
        String field = text(node, "field", FIELD_NAME, "the name of another field", at + ".field");
        JsonNode equals = node.get("equals");
        JsonNode in = node.get("in");
        if ((equals == null) == (in == null)) {
            throw new DescriptorException(at, "needs exactly one of \"equals\" and \"in\"");
        }
        List<String> values = new ArrayList<>();
        if (equals != null) {
            if (!equals.isValueNode() || equals.isNull()) {
                throw new DescriptorException(at + ".equals", "must be a text, number or boolean");
            }
            values.add(equals.asText());
        } else {
            if (!in.isArray() || in.isEmpty()) {
                throw new DescriptorException(at + ".in", "must be a non-empty list of values");
            }
            for (int i = 0; i < in.size(); i++) {
                if (!in.get(i).isValueNode() || in.get(i).isNull()) {
                    throw new DescriptorException(at + ".in[" + i + "]", "must be a text, number or boolean");
                }
                values.add(in.get(i).asText());
            }
        }
        return new Condition(field, values);
    }

    private static void checkConditionTarget(Condition condition, String self, Map<String, String> typesByName, String at)
            throws DescriptorException {
        if (condition == null) {
            return;
        }
        if (condition.field().equals(self) || !typesByName.containsKey(condition.field())) {
            throw new DescriptorException(at + ".field", "must name another field of this form, not \"" + condition.field() + "\"");
        }
    }

    private static BigDecimal number(JsonNode node, String member, String at, boolean allowed, String type) throws DescriptorException {
        JsonNode value = node.get(member);
        if (value == null) {
            return null;
        }
        if (!allowed) {
            throw new DescriptorException(at + "." + member, "applies to number, integer, multi-choice and person-list fields, not " + type);
        }
        if (!value.isNumber()) {
            throw new DescriptorException(at + "." + member, "must be a number");
        }
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            // the parser reads 1e400 as infinity: a bound no value can be checked against
            throw new DescriptorException(at + "." + member, "is a number that does not fit: at most 1.7976931348623157E308 in size");
        }
        if ((type.equals("multi-choice") || type.equals("person-list")) && (!value.isIntegralNumber() || value.decimalValue().signum() < 0)) {
            throw new DescriptorException(at + "." + member, type.equals("multi-choice")
                    ? "counts selections: must be a whole number from 0" : "counts people: must be a whole number from 0");
        }
        if (type.equals("integer") && (!value.isIntegralNumber() || !value.canConvertToLong())) {
            throw new DescriptorException(at + "." + member, "bounds an integer field: must be a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        return value.decimalValue();
    }

    private static Integer maxDays(JsonNode node, String at, String type) throws DescriptorException {
        JsonNode value = node.get("maxDays");
        if (value == null) {
            return null;
        }
        if (!type.equals("date-range")) {
            throw new DescriptorException(at + ".maxDays", "applies to date-range fields, not " + type);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > FieldTypes.MAX_DAYS) {
            throw new DescriptorException(at + ".maxDays", "must be a whole number of days from 1 to " + FieldTypes.MAX_DAYS);
        }
        return value.intValue();
    }

    private static Integer length(JsonNode node, String member, String at, String type) throws DescriptorException {
        JsonNode value = node.get(member);
        if (value == null) {
            return null;
        }
        if (!FieldTypes.TEXTS.contains(type)) {
            throw new DescriptorException(at + "." + member, "applies to text fields, not " + type);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0 || value.intValue() > FieldTypes.MAX_TEXT) {
            throw new DescriptorException(at + "." + member, "must be a whole number from 0 to " + FieldTypes.MAX_TEXT);
        }
        return value.intValue();
    }

    /**
     * The type's own field rules, and the short form {"actions": {"resolved": ["it.notify"]}}: run
     * actions appended to those states' onEnter (works with a shipped workflow too).
     */
    private static Workflow customised(Workflow workflow, JsonNode node, List<FieldRule> rules) throws DescriptorException {
        if (node == null) {
            return rules.isEmpty() ? workflow : new Workflow(workflow.name(), workflow.initial(), workflow.states(),
                    workflow.transitions(), rules, workflow.requesterReopens(), workflow.closedComments());
        }
        if (!node.isObject()) {
            throw new DescriptorException("actions", "must map a state to a list of action names");
        }
        Map<String, List<String>> runs = new LinkedHashMap<>();
        var entries = node.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (workflow.state(entry.getKey()).isEmpty()) {
                throw new DescriptorException("actions." + entry.getKey(), "is not a state of the workflow; states are "
                        + workflow.states().stream().map(WorkflowState::key).toList());
            }
            runs.put(entry.getKey(), extensionNames(entry.getValue(), "actions." + entry.getKey()));
        }
        List<WorkflowState> states = new ArrayList<>();
        for (WorkflowState state : workflow.states()) {
            List<StateAction> onEnter = new ArrayList<>(state.onEnter());
            runs.getOrDefault(state.key(), List.of()).forEach(name -> onEnter.add(StateAction.run(name)));
            states.add(new WorkflowState(state.key(), state.names(), state.category(), onEnter, state.autoCloseAfter(), state.autoCloseTo(),
                    state.waitsForRequester()));
        }
        return new Workflow(workflow.name(), workflow.initial(), states, workflow.transitions(),
                rules.isEmpty() ? workflow.fieldRules() : rules, workflow.requesterReopens(), workflow.closedComments());
    }

    static List<String> extensionNames(JsonNode node, String at) throws DescriptorException {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        if (!node.isArray()) {
            throw new DescriptorException(at, "must be a list of names");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (!name.isTextual() || !EXTENSION_NAME.matcher(name.asText()).matches()) {
                throw new DescriptorException(at + "[" + i + "]", "must be a name like hr.working-days");
            }
            names.add(name.asText());
        }
        return names;
    }

    static Map<String, String> languages(JsonNode node, String at, boolean required) throws DescriptorException {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null && !required) {
            return texts;
        }
        if (node == null || !node.isObject()) {
            throw new DescriptorException(at, "must be an object with a text for each of " + String.join(", ", LANGUAGES));
        }
        for (String language : LANGUAGES) {
            JsonNode text = node.get(language);
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw new DescriptorException(at + "." + language, "is required: Atrium is offered in German and English");
            }
        }
        var entries = node.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!entry.getValue().isTextual()) {
                throw new DescriptorException(at + "." + entry.getKey(), "must be a text");
            }
            texts.put(entry.getKey(), entry.getValue().asText());
        }
        return texts;
    }

    static String text(JsonNode node, String member, Pattern pattern, String patternText, String at) throws DescriptorException {
        String value = optional(node, member, pattern, at, patternText);
        if (value == null) {
            throw new DescriptorException(at, "is required");
        }
        return value;
    }

    static String optional(JsonNode node, String member, Pattern pattern, String at) throws DescriptorException {
        return optional(node, member, pattern, at, "a name like hr.working-days");
    }

    static String optional(JsonNode node, String member, Pattern pattern, String at, String patternText)
            throws DescriptorException {
        JsonNode value = node.get(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new DescriptorException(at, "must be a non-empty text");
        }
        if (pattern != null && !pattern.matcher(value.asText()).matches()) {
            throw new DescriptorException(at, "must be " + patternText + ", not \"" + value.asText() + "\"");
        }
        return value.asText();
    }

    static boolean bool(JsonNode node, String member, String at) throws DescriptorException {
        JsonNode value = node.get(member);
        if (value != null && !value.isBoolean()) {
            throw new DescriptorException(at, "must be true or false");
        }
        return value != null && value.booleanValue();
    }

    /** One error per member that is not part of the descriptor's format. */
    static List<DescriptorException> unknownMembers(JsonNode node, Set<String> known, String at) {
        List<DescriptorException> unknown = new ArrayList<>();
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(new DescriptorException(at + name, "is not a descriptor member; known are " + sorted(known)));
            }
        }
        return unknown;
    }

    static void onlyKnown(JsonNode node, Set<String> known, String at) throws DescriptorException {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new DescriptorException(at + name, "is not a descriptor member; known are " + sorted(known));
            }
        }
    }

    static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }
}
