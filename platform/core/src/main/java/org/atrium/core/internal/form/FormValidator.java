package org.atrium.core.internal.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.atrium.api.FieldError;
import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Person;

/**
 * Checks a ticket's form values against the rules of its type's descriptor and names every bad
 * field. Used for create (the submitted values) and update (the stored values with the change
 * applied), so a ticket's form is always complete and valid for the version it pins.
 */
public final class FormValidator {
    private final Function<FormField, List<FieldOption>> options;
    private final Function<String, Optional<Person>> people;

    /**
     * @param options the options of a field: its own, or those its option source supplies now
     * @param people  the directory, which person and person-list values must name active people of
     */
    public FormValidator(Function<FormField, List<FieldOption>> options, Function<String, Optional<Person>> people) {
        this.options = options;
        this.people = people;
    }

    /** A validator for forms whose choice fields all list their options. */
    public static FormValidator withStaticOptions(Function<String, Optional<Person>> people) {
        return new FormValidator(FormField::options, people);
    }

    /**
     * @param values    the complete form as it would be stored
     * @param submitted the names the caller sent in this request
     */
    public List<FieldError> validate(RequestType type, Map<String, Object> values, Set<String> submitted) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, FormField> form = type.fields().stream().collect(Collectors.toMap(FormField::name, f -> f));
        for (String name : submitted) {
            FormField field = form.get(name);
            if (field == null) {
                errors.add(new FieldError(path(name), "is not a field of " + type.key()));
            } else if (field.computed()) {
                errors.add(new FieldError(path(name), "is computed by the server and cannot be set"));
            }
        }
        for (FormField field : type.fields()) {
            if (!field.computed()) {
                check(field, values, submitted.contains(field.name()), errors);
            }
        }
        return errors;
    }

    /**
     * @param sent whether the caller sent this field now: only then are people looked up in the
     *             directory, so that a person who left does not block every later change of a ticket that names them
     */
    private void check(FormField field, Map<String, Object> values, boolean sent, List<FieldError> errors) {
        Object value = values.get(field.name());
        boolean shown = field.shownWhen() == null || holds(field.shownWhen(), values);
        if (!shown) {
            if (!isEmpty(value)) {
                errors.add(new FieldError(path(field.name()), "is only asked for when " + describe(field.shownWhen())
                        + "; leave it empty"));
            }
            return;
        }
        if (isEmpty(value)) {
            if (field.required()) {
                errors.add(new FieldError(path(field.name()), "is required"));
            } else if (field.requiredWhen() != null && holds(field.requiredWhen(), values)) {
                errors.add(new FieldError(path(field.name()), "is required when " + describe(field.requiredWhen())));
            }
            return;
        }
        String problem = checkValue(field, value);
        if (problem == null && sent) {
            problem = directoryProblem(field, value);
        }
        if (problem != null) {
            errors.add(new FieldError(path(field.name()), problem));
        }
    }

    private static boolean holds(Condition condition, Map<String, Object> values) {
        return condition.holds(values.get(condition.field()));
    }

    private static String describe(Condition condition) {
        return condition.in().size() == 1
                ? condition.field() + " is " + condition.in().get(0)
                : condition.field() + " is one of " + String.join(", ", condition.in());
    }

    private static String path(String name) {
        return "fields." + name;
    }

    static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> list && list.isEmpty());
    }

    /** Returns why the value does not fit the field, or null when it does. */
    private String checkValue(FormField field, Object value) {
        switch (field.type()) {
            case "text", "textarea":
                return checkText(field, value, FieldTypes.MAX_TEXT);
            case "person":
                return checkText(field, value, FieldTypes.MAX_PERSON);
            case "person-list":
                return checkPeople(field, value);
            case "attachment":
                return checkText(field, value, FieldTypes.MAX_ATTACHMENT);
            case "number":
                return checkNumber(field, value);
            case "boolean":
                return value instanceof Boolean ? null : "must be true or false";
            case "date":
                return isDate(value) ? null : "must be a date like 2026-03-31";
            case "date-range":
                return checkDateRange(value);
            case "choice":
                return value instanceof String text && allowed(field).contains(text)
                        ? null : "must be one of " + String.join(", ", allowed(field));
            case "multi-choice":
                return checkSelection(field, value);
            default:
                return "has a type this server does not know: " + field.type();
        }
    }

    private List<String> allowed(FormField field) {
        return options.apply(field).stream().map(FieldOption::value).toList();
    }

    private static String checkText(FormField field, Object value, int limit) {
        if (!(value instanceof String text)) {
            return "must be text";
        }
        int max = field.maxLength() == null ? limit : Math.min(field.maxLength(), limit);
        if (text.length() > max) {
            return "must be at most " + max + " characters";
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            return "must be at least " + field.minLength() + " characters";
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).matches()) {
            return "does not have the expected form (" + field.pattern() + ")";
        }
        return null;
    }

    /** For person and person-list values of the right form: why they do not name active people, or null. */
    private String directoryProblem(FormField field, Object value) {
        if (field.type().equals("person")) {
            return directoryProblem((String) value);
        }
        if (!field.type().equals("person-list")) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        for (Object id : (List<?>) value) {
            String problem = directoryProblem((String) id);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Why the id names nobody who can be chosen now, or null when it names an active person. */
    private String directoryProblem(String id) {
        Optional<Person> person = people.apply(id);
        if (person.isEmpty()) {
            return "'" + id + "' is not in the directory";
        }
        return person.get().active() ? null : "'" + id + "' is no longer active";
    }

    private static String checkPeople(FormField field, Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(id -> id instanceof String text
                && !text.isBlank() && text.length() <= FieldTypes.MAX_PERSON)) {
            return "must be a list of user names of 1 to " + FieldTypes.MAX_PERSON + " characters";
        }
        if (list.size() != Set.copyOf(list).size()) {
            return "must not name a person twice";
        }
        if (field.min() != null && list.size() < field.min().intValue()) {
            return "must name at least " + field.min().intValue() + (field.min().intValue() == 1 ? " person" : " people");
        }
        if (field.max() != null && list.size() > field.max().intValue()) {
            return "must name at most " + field.max().intValue() + (field.max().intValue() == 1 ? " person" : " people");
        }
        return null;
    }

    private static String checkNumber(FormField field, Object value) {
        if (!(value instanceof Number number)) {
            return "must be a number";
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        if (field.min() != null && decimal.compareTo(field.min()) < 0) {
            return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && decimal.compareTo(field.max()) > 0) {
            return "must be at most " + field.max().toPlainString();
        }
        return null;
    }

    private String checkSelection(FormField field, Object value) {
        List<String> allowed = allowed(field);
        if (!(value instanceof List<?> list) || !allowed.containsAll(list)) {
            return "must be a list of values from " + String.join(", ", allowed);
        }
        if (list.size() != Set.copyOf(list).size()) {
            return "must not list a value twice";
        }
        if (field.min() != null && list.size() < field.min().intValue()) {
            return "must have at least " + field.min().intValue() + " selected";
        }
        if (field.max() != null && list.size() > field.max().intValue()) {
            return "must have at most " + field.max().intValue() + " selected";
        }
        return null;
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
        if (!(value instanceof Map<?, ?> range) || range.size() != 2 || !isDate(range.get("from")) || !isDate(range.get("to"))) {
            return "must be {\"from\": date, \"to\": date}";
        }
        return LocalDate.parse((String) range.get("from")).isAfter(LocalDate.parse((String) range.get("to")))
                ? "must not end before it starts" : null;
    }
}
