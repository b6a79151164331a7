package org.atrium.core.internal.form;

import java.util.Set;

/** The field types a form may use, and which rules apply to which. */
public final class FieldTypes {
    public static final Set<String> ALL = Set.of("text", "textarea", "number", "integer", "date", "date-range",
            "time", "time-range", "choice", "multi-choice", "person", "person-list", "boolean", "attachment");
    public static final Set<String> CHOICES = Set.of("choice", "multi-choice");
    /** Types whose min and max bound a number, a count of selections or of people (person-list). */
    public static final Set<String> COUNTED = Set.of("number", "integer", "multi-choice", "person-list");
    /** Types whose min and max must be whole numbers. */
    public static final Set<String> WHOLE = Set.of("integer", "multi-choice", "person-list");
    /** Types whose value is a text with a length. */
    public static final Set<String> TEXTS = Set.of("text", "textarea", "person", "attachment");
    /** Types whose dates may be required not to lie in the past ({@code notInPast}). */
    public static final Set<String> DATES = Set.of("date", "date-range");
    public static final int MAX_TEXT = 4000;
    public static final int MAX_PERSON = 100;
    public static final int MAX_ATTACHMENT = 200;
    /** Largest {@code maxDays} a date-range may declare: ten years. */
    public static final int MAX_DAYS = 3660;

    private FieldTypes() {
    }
}
