package org.atrium.rest.internal.resource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;

/**
 * Query parameters read strictly, the one rule of every listing (/tickets, /sla, /audit): an unknown
 * parameter, a single-valued one given twice or an empty one is refused at once (400 naming each);
 * then the values are read, and every value of the wrong form is named together by {@link #done()}.
 */
final class StrictParameters {
    private final MultivaluedMap<String, String> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private StrictParameters(MultivaluedMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** Parameters that each take one value. */
    static StrictParameters check(String path, MultivaluedMap<String, String> parameters, Set<String> single) {
        return check(path, parameters, single, Set.of());
    }

    /** Parameters that take one value ({@code single}) and those that may be repeated ({@code multiple}). */
    static StrictParameters check(String path, MultivaluedMap<String, String> parameters, Set<String> single, Set<String> multiple) {
        Set<String> known = new TreeSet<>(single);
        known.addAll(multiple);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a query parameter of " + path + "; they are " + String.join(", ", known)));
            } else if (single.contains(name) && parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            } else if (parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                errors.add(new FieldError(name, "needs a value"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new StrictParameters(parameters);
    }

    /** The value of a single-valued parameter, null when not given. */
    String value(String name) {
        return parameters.getFirst(name);
    }

    /** Every value of a repeatable parameter, repeated ({@code status=a&status=b}) or comma-separated ({@code status=a,b}). */
    List<String> values(String name) {
        List<String> values = parameters.get(name);
        return values == null ? List.of()
                : values.stream().flatMap(value -> Arrays.stream(value.split(",", -1))).map(String::strip).toList();
    }

    /** {@code limit} as a whole number (its range is the service's to check), the default when not given. */
    int limit(int defaultLimit, int maxLimit) {
        String text = value("limit");
        if (text == null) {
            return defaultLimit;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("limit", "must be a whole number between 1 and " + maxLimit));
            return defaultLimit;
        }
    }

    /** true or false, false when not given. */
    boolean flag(String name) {
        String text = value(name);
        if (text != null && !text.equals("true") && !text.equals("false")) {
            errors.add(new FieldError(name, "must be true or false"));
        }
        return "true".equals(text);
    }

    /** An instant ({@code 2026-03-09T07:00:00Z}) or a date ({@code 2026-03-09}: its start in the server's time zone). */
    Instant instant(String name) {
        String text = value(name);
        if (text == null) {
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be a date (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:MM:SSZ)"));
            return null;
        }
    }

    /** Refuses (400) every value read of the wrong form, in the order read. */
    void done() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
