package org.atrium.api.catalog;

import java.util.Collection;
import java.util.List;

/**
 * "Field {@code field} has one of the values {@code in}", or, with {@code below}, "field
 * {@code field} holds a number less than {@code below}". Values compare as text, so a boolean field
 * matches "true" or "false"; a multi-choice field matches when any selected value is listed.
 */
public record Condition(String field, List<String> in, Double below) {
    public Condition {
        in = in == null ? List.of() : List.copyOf(in);
    }

    public Condition(String field, List<String> in) {
        this(field, in, null);
    }

    public boolean holds(Object value) {
        if (below != null) {
            return value instanceof Number number && number.doubleValue() < below;
        }
        if (value instanceof Collection<?> selected) {
            return selected.stream().anyMatch(item -> in.contains(String.valueOf(item)));
        }
        return value != null && in.contains(String.valueOf(value));
    }
}
