package org.atrium.core.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;

/**
 * Reads a condition on the form outside the form itself (approval processes and stages, child
 * tickets): {@code {"field": F, "equals": v}}, {@code {"field": F, "in": [...]}} or
 * {@code {"field": F, "below": n}}. The field must exist; compared values must be options of a
 * choice field; {@code below} only applies to number and integer fields.
 */
final class FormConditionReader {
    private static final Set<String> MEMBERS = Set.of("field", "equals", "in", "below");
    private static final Set<String> NUMBERS = Set.of("number", "integer");

    private FormConditionReader() {
    }

    static Condition read(JsonNode node, String at, List<FormField> form) throws DescriptorException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new DescriptorException(at, "must be {\"field\": F, \"equals\": v}, {\"field\": F, \"in\": [...]} or {\"field\": F, \"below\": n}");
        }
        DescriptorReader.onlyKnown(node, MEMBERS, at + ".");
        String name = DescriptorReader.text(node, "field", null, null, at + ".field");
        FormField field = field(form, name).orElseThrow(() -> new DescriptorException(at + ".field", "names no field of the form: " + name));
        int kinds = (node.has("equals") ? 1 : 0) + (node.has("in") ? 1 : 0) + (node.has("below") ? 1 : 0);
        if (kinds != 1) {
            throw new DescriptorException(at, "needs exactly one of \"equals\", \"in\" and \"below\"");
        }
        if (node.has("below")) {
            JsonNode below = node.get("below");
            if (!NUMBERS.contains(field.type())) {
                throw new DescriptorException(at + ".below", "applies to number and integer fields; " + name + " is a " + field.type() + " field");
            }
            if (!below.isNumber() || !Double.isFinite(below.doubleValue())) {
                throw new DescriptorException(at + ".below", "must be a number");
            }
            return new Condition(name, List.of(), below.doubleValue());
        }
        List<String> values = new ArrayList<>();
        if (node.has("equals")) {
            values.add(value(node.get("equals"), at + ".equals", field));
        } else {
            JsonNode in = node.get("in");
            if (!in.isArray() || in.isEmpty()) {
                throw new DescriptorException(at + ".in", "must be a non-empty list of values");
            }
            for (int i = 0; i < in.size(); i++) {
                values.add(value(in.get(i), at + ".in[" + i + "]", field));
            }
        }
        return new Condition(name, values);
    }

    private static String value(JsonNode value, String at, FormField field) throws DescriptorException {
        if (!value.isValueNode() || value.isNull()) {
            throw new DescriptorException(at, "must be a text, number or boolean");
        }
        List<String> options = field.options().stream().map(FieldOption::value).toList();
        // a field whose options come from a source at run time cannot be checked here
        if (!options.isEmpty() && !options.contains(value.asText())) {
            throw new DescriptorException(at, "is not an option of " + field.name() + "; its options are " + options);
        }
        return value.asText();
    }

    static Optional<FormField> field(List<FormField> form, String name) {
        return form.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
