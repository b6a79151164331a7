package org.atrium.core.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RoutingRule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a descriptor's {@code routing}: rules {@code {"when": {"field": F, "in": [...]}, "group": G}},
 * first match wins, a rule without {@code when} matches every ticket and must come last. Fields and
 * their values are checked against the form. Group keys are checked for their form only: groups are
 * Karaf configuration that a department admin edits while the server runs, so a group may be
 * configured after the bundle started (a ticket routed to an unconfigured group gets none; see README).
 */
final class RoutingReader {
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final Set<String> RULE_MEMBERS = Set.of("when", "group");
    private static final Set<String> WHEN_MEMBERS = Set.of("field", "in");

    private RoutingReader() {
    }

    static List<RoutingRule> read(JsonNode node, List<FormField> fields) throws DescriptorException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DescriptorException("routing", "must be a list of rules: {\"when\": {\"field\": ..., \"in\": [...]}, \"group\": ...}");
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "routing[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                throw new DescriptorException(at, "must be an object with \"group\" and, but for the last rule, \"when\"");
            }
            DescriptorReader.onlyKnown(rule, RULE_MEMBERS, at + ".");
            String group = DescriptorReader.text(rule, "group", GROUP, "a group key: lower-case letters, digits and dashes",
                    at + ".group");
            if (!rules.isEmpty() && rules.get(rules.size() - 1).isDefault()) {
                throw new DescriptorException("routing[" + (i - 1) + "]", "has no \"when\" and matches every ticket,"
                        + " so the rules after it never apply: put it last");
            }
            JsonNode when = rule.get("when");
            rules.add(when == null ? RoutingRule.always(group) : condition(when, at + ".when", fields, group));
        }
        return List.copyOf(rules);
    }

    private static RoutingRule condition(JsonNode when, String at, List<FormField> fields, String group) throws DescriptorException {
        if (!when.isObject()) {
            throw new DescriptorException(at, "must be {\"field\": NAME, \"in\": [VALUES]}");
        }
        DescriptorReader.onlyKnown(when, WHEN_MEMBERS, at + ".");
        String name = DescriptorReader.text(when, "field", null, null, at + ".field");
        Optional<FormField> field = fields.stream().filter(f -> f.name().equals(name)).findFirst();
        if (field.isEmpty()) {
            throw new DescriptorException(at + ".field", "names no field of the form: " + name);
        }
        JsonNode in = when.get("in");
        if (in == null || !in.isArray() || in.isEmpty()) {
            throw new DescriptorException(at + ".in", "must list the values that route to " + group);
        }
        List<String> values = new ArrayList<>();
        List<String> options = field.get().options().stream().map(FieldOption::value).toList();
        for (int v = 0; v < in.size(); v++) {
            JsonNode value = in.get(v);
            if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                throw new DescriptorException(at + ".in[" + v + "]", "must be a value of " + name);
            }
            // a field whose options come from a source at run time cannot be checked here
            if (!options.isEmpty() && !options.contains(value.asText())) {
                throw new DescriptorException(at + ".in[" + v + "]", "is not an option of " + name + "; its options are " + options);
            }
            values.add(value.asText());
        }
        return new RoutingRule(name, values, group);
    }
}
