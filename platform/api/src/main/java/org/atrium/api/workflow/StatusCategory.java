package org.atrium.api.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a workflow state means, whatever a type calls it: the SLA clocks, the queue and the field
 * rules work on categories, so that every type can name its states freely.
 */
public enum StatusCategory {
    OPEN("open"),
    IN_PROGRESS("in-progress"),
    PENDING("pending"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private final String json;

    StatusCategory(String json) {
        this.json = json;
    }

    /** The category as it appears in descriptors and JSON, e.g. {@code in-progress}. */
    public String json() {
        return json;
    }

    public static Optional<StatusCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.json.equals(value)).findFirst();
    }

    /** Resolved or closed: the work is done and, by default, nothing but comments changes. */
    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }
}
