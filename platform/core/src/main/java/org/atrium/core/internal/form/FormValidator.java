package org.atrium.core.internal.form;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
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
 * Rules about today ({@code notInPast}) apply to the values a request changes only: a leave taken
 * last month must not make its ticket unchangeable.
 */
public final class FormValidator {
    private final Function<FormField, List<FieldOption>> options;
    private final Function<String, Optional<Person>> people;
    private final Clock clock;

    /**
     * @param options the options of a field: its own, or those its option source supplies now
     * @param people  the directory, which person and person-list values must name active people of
     * @param clock   what "today" is: the server's time zone decides
     */
    public FormValidator(Function<FormField, List<FieldOption>> options, Function<String, Optional<Person>> people, Clock clock) {
        this.options = options;
        this.people = people;
        this.clock = clock;
    }

    /** A validator for forms whose choice fields all list their options, on the server's clock. */
    public static FormValidator withStaticOptions(Function<String, Optional<Person>> people) {
        return withStaticOptions(people, Clock.systemDefaultZone());
    }

    public static FormValidator withStaticOptions(Function<String, Optional<Person>> people, Clock clock) {
        return new FormValidator(FormField::options, people, clock);
    }

    /**
     * @param values    the complete form as it would be stored
     * @param submitted the names the caller sent in this request
     */
    public List<FieldError> validate(RequestType type, Map<String, Object> values, Set<String> submitted) {
        return validate(type, values, submitted, submitted);
    }

    /**
     * @param values    the complete form as it would be stored
     * @param submitted the names the caller sent in this request
     * @param changed   the names whose value this request sets anew (checked against today's date)
     */
    public List<FieldError> validate(RequestType type, Map<String, Object> values, Set<String> submitted, Set<String> changed) {
        LocalDate today = type.fields().stream().anyMatch(FormField::notInPast) ? LocalDate.now(clock) : null;
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
                check(field, values, changed.contains(field.name()) ? today : null, submitted.contains(field.name()), errors);
            }
        }
        return errors;
    }

    /**
     * @param today the date a {@code notInPast} value is checked against, or null when the value is not new
     * @param sent  whether the caller sent this field now: only then are people looked up in the
     *              directory, so that a person who left does not block every later change of a ticket that names them
     */
    private void check(FormField field, Map<String, Object> values, LocalDate today, boolean sent, List<FieldError> errors) {
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
        String problem = checkValue(field, value, field.notInPast() ? today : null);
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

    /**
     * Returns why the value does not fit the field, or null when it does.
     *
     * @param notBefore the earliest date allowed, or null when no date rule applies
     */
    private String checkValue(FormField field, Object value, LocalDate notBefore) {
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
            case "integer":
                return checkInteger(field, value);
            case "boolean":
                return value instanceof Boolean ? null : "must be true or false";
            case "date":
                return checkDate(value, notBefore);
            case "date-range":
                return checkDateRange(field, value, notBefore);
            case "time":
                return FormValues.time(value) != null ? null : "must be a time like 08:30 (HH:MM, 24 hours)";
            case "time-range":
                return checkTimeRange(value);
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
        if (!(value instanceof Number)) {
            return "must be a number";
        }
        BigDecimal decimal = FormValues.number(value);
        if (decimal == null) {
            return "is a number that does not fit: at most 1.7976931348623157E308 in size, and not closer to 0 than 2.2250738585072014E-308";
        }
        return checkBounds(field, decimal);
    }

    private static String checkInteger(FormField field, Object value) {
        if (!FormValues.isWholeToken(value)) {
            return "must be a whole number like 12 (no fraction, no exponent)";
        }
        if (!FormValues.fitsLong(value)) {
            return "is a whole number that does not fit: from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return checkBounds(field, new BigDecimal(value.toString()));
    }

    private static String checkBounds(FormField field, BigDecimal decimal) {
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

    private static String checkDate(Object value, LocalDate notBefore) {
        LocalDate date = FormValues.date(value);
        if (date == null) {
            return "must be a date like 2026-03-31 (YYYY-MM-DD)";
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            return "must not be in the past (today is " + notBefore + ")";
        }
        return null;
    }

    private static String checkDateRange(FormField field, Object value, LocalDate notBefore) {
        Map<?, ?> range = FormValues.range(value);
        LocalDate from = range == null ? null : FormValues.date(range.get("from"));
        LocalDate to = range == null ? null : FormValues.date(range.get("to"));
        if (from == null || to == null) {
            return "must be {\"from\": date, \"to\": date} with dates like 2026-03-31 (YYYY-MM-DD)";
        }
        if (from.isAfter(to)) {
            return "must not end before it starts";
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (field.maxDays() != null && days > field.maxDays()) {
            return "may cover at most " + field.maxDays() + " days, from and to included, not " + days;
        }
        if (notBefore != null && from.isBefore(notBefore)) {
            return "must not start in the past (today is " + notBefore + ")";
        }
        return null;
    }

    private static String checkTimeRange(Object value) {
        Map<?, ?> range = FormValues.range(value);
        LocalTime from = range == null ? null : FormValues.time(range.get("from"));
        LocalTime to = range == null ? null : FormValues.time(range.get("to"));
        if (from == null || to == null) {
            return "must be {\"from\": time, \"to\": time} with times like 08:30 (HH:MM, 24 hours)";
        }
        return to.isAfter(from) ? null : "must end after it starts";
    }
}
