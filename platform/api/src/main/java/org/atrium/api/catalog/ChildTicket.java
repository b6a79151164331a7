package org.atrium.api.catalog;

import java.util.Map;

/**
 * A child ticket a parent creates in another (or its own) department, e.g. "prepare a laptop" in IT
 * for an HR onboarding.
 *
 * @param key       unique within the parent type's children, e.g. {@code laptop}
 * @param type      the child's request type key, e.g. {@code it.task}
 * @param summary   the child's summary per language tag; {@code {field}} inserts a parent form value
 * @param fields    which parent form fields the child receives, as child field name to parent field name;
 *                  the child sees these and nothing else of the parent
 * @param onlyWhen  the child is created only when this holds on the parent's form; null: always
 * @param dueBefore the child's {@code due} field: this many days before the date in a parent field; null: none
 */
public record ChildTicket(String key, String type, Map<String, String> summary, Map<String, String> fields, Condition onlyWhen,
        DueBefore dueBefore) {
    public ChildTicket {
        summary = Map.copyOf(summary);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The child is due {@code days} days before the date in the parent's {@code field}. */
    public record DueBefore(String field, int days) {
    }

    /** The field of a child that holds its due date. */
    public static final String DUE_FIELD = "due";
}
