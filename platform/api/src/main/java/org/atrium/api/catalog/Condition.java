package org.atrium.api.catalog;

import java.util.Collection;
import java.util.List;

/**
 * "Field {@code field} has one of the values {@code in}". Values compare as text, so a boolean
 * field matches "true" or "false"; a multi-choice field matches when any selected value is listed.
 */
public record Condition(String field, List<String> in) {
    public Condition {
        in = List.copyOf(in);
    }

    public boolean holds(Object value) {
        if (value instanceof Collection<?> selected) {
            return selected.stream().anyMatch(item -> in.contains(String.valueOf(item)));
        }
        return value != null && in.contains(String.valueOf(value));
    }
}
