package org.atrium.api.catalog;

import java.util.List;
import java.util.Map;

/**
 * One field of a request form.
 *
 * @param name     key in the ticket's {@code fields} object
 * @param type     text, textarea, number, date, choice, boolean, ...
 * @param required whether a value must be given on create
 * @param labels   label per language tag
 * @param options  allowed values for choice fields, empty otherwise
 */
public record FormField(String name, String type, boolean required, Map<String, String> labels, List<String> options) {
    public FormField {
        labels = Map.copyOf(labels);
        options = options == null ? List.of() : List.copyOf(options);
    }
}
