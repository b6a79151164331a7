package org.atrium.core.internal.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.atrium.api.FieldError;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;

/** Checks a ticket's form values against its type's form and names every bad field. */
public final class FormValidator {
    public static final Set<String> FIELD_TYPES = Set.of("text", "textarea", "number", "date", "date-range",
            "choice", "multi-choice", "person", "boolean", "attachment");
    static final int MAX_TEXT = 4000;

    private FormValidator() {
    }

    /**
     * @param complete true on create (required fields must be there), false for a partial update
     */
    public static List<FieldError> validate(RequestType type, Map<String, Object> values, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, FormField> form = type.fields().stream().collect(Collectors.toMap(FormField::name, f -> f));
        for (String name : values.keySet()) {
            if (!form.containsKey(name)) {
                errors.add(new FieldError(path(name), "is not a field of " + type.key()));
            }
        }
        for (FormField field : type.fields()) {
            Object value = values.get(field.name());
            if (isEmpty(value)) {
                if (field.required() && (complete || values.containsKey(field.name()))) {
                    errors.add(new FieldError(path(field.name()), "is required"));
                }
                continue;
            }
            String problem = checkValue(field, value);
            if (problem != null) {
                errors.add(new FieldError(path(field.name()), problem));
            }
        }
        return errors;
    }

    private static String path(String name) {
        return "fields." + name;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> list && list.isEmpty());
    }

    /** Returns why the value does not fit the field, or null when it does. */
    private static String checkValue(FormField field, Object value) {
        switch (field.type()) {
            case "text", "textarea", "person", "attachment":
                if (!(value instanceof String text)) {
                    return "must be text";
                }
                return text.length() > MAX_TEXT ? "must be at most " + MAX_TEXT + " characters" : null;
            case "number":
                return value instanceof Number ? null : "must be a number";
            case "boolean":
                return value instanceof Boolean ? null : "must be true or false";
            case "date":
                return isDate(value) ? null : "must be a date like 2026-03-31";
            case "date-range":
                return checkDateRange(value);
            case "choice":
                return value instanceof String text && field.options().contains(text)
                        ? null : "must be one of " + String.join(", ", field.options());
            case "multi-choice":
                if (value instanceof List<?> list && field.options().containsAll(list)) {
                    return null;
                }
                return "must be a list of values from " + String.join(", ", field.options());
            default:
                return "has a type this server does not know: " + field.type();
        }
    }

    private static boolean isDate(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String checkDateRange(Object value) {
        if (!(value instanceof Map<?, ?> range) || !isDate(range.get("from")) || !isDate(range.get("to"))) {
            return "must be {\"from\": date, \"to\": date}";
        }
        return LocalDate.parse((String) range.get("from")).isAfter(LocalDate.parse((String) range.get("to")))
                ? "must not end before it starts" : null;
    }
}
