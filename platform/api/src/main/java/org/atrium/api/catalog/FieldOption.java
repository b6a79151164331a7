package org.atrium.api.catalog;

import java.util.Map;

/** One allowed value of a choice field, with its label per language. */
public record FieldOption(String value, Map<String, String> labels) {
    public FieldOption {
        labels = Map.copyOf(labels);
    }
}
