package org.atrium.core.internal.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.workflow.FieldRule;
import org.atrium.api.workflow.StatusCategory;

/**
 * Decides which ticket fields a caller may change in the ticket's status category, from the
 * type's field rules (or {@link org.atrium.api.workflow.Workflow#DEFAULT_FIELD_RULES}).
 */
public final class FieldRules {
    private FieldRules() {
    }

    /** One error per changed field ({@code summary}, {@code fields.period}, ...) that no rule lets the caller change now. */
    public static List<FieldError> locked(List<FieldRule> rules, StatusCategory category, Parties parties, Collection<String> changed) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : changed) {
            boolean allowed = rules.stream().anyMatch(rule -> rule.categories().contains(category)
                    && parties.holdsAny(rule.parties()) && covers(rule, field));
            if (!allowed) {
                errors.add(new FieldError(field, reason(rules, category, parties, field)));
            }
        }
        return errors;
    }

    private static boolean covers(FieldRule rule, String field) {
        return rule.fields().contains(field) || (field.startsWith("fields.") && rule.fields().contains("fields.*"));
    }

    private static String reason(List<FieldRule> rules, StatusCategory category, Parties parties, String field) {
        boolean ever = rules.stream().anyMatch(rule -> parties.holdsAny(rule.parties()) && covers(rule, field));
        if (!ever) {
            return "is not yours to change";
        }
        return category.isDone()
                ? "is locked: the ticket is " + category.json() + "; only comments are possible now"
                : "is locked for you while the ticket is " + category.json();
    }
}
