package org.atrium.core.internal.form;

import java.util.Set;

/** The field types a form may use, and which rules apply to which. */
public final class FieldTypes {
    public static final Set<String> ALL = Set.of("text", "textarea", "number", "date", "date-range",
            "choice", "multi-choice", "person", "person-list", "boolean", "attachment");
    public static final Set<String> CHOICES = Set.of("choice", "multi-choice");
    /** Types whose min and max bound a number or a count of selections (people for person-list). */
    public static final Set<String> COUNTED = Set.of("number", "multi-choice", "person-list");
    /** Types whose value is a text with a length. */
    public static final Set<String> TEXTS = Set.of("text", "textarea", "person", "attachment");
    public static final int MAX_TEXT = 4000;
    public static final int MAX_PERSON = 100;
    public static final int MAX_ATTACHMENT = 200;

    private FieldTypes() {
    }
}
