package org.atrium.core.internal.ticket;

import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ticket.Level;

/** Checks of the ticket's own fields (the form's fields are checked by FormValidator). */
final class TicketInput {
    static final int MAX_SUMMARY = 200;
    static final int MAX_DESCRIPTION = 20000;
    static final int MAX_COMMENT = 20000;
    static final int MAX_PERSON = 100;
    /** The column that holds a ticket's form values as JSON (fields_json). */
    static final int MAX_FIELDS_JSON = 20000;

    private TicketInput() {
    }

    static void summary(String summary, boolean required, List<FieldError> errors) {
        if (summary == null || summary.isBlank()) {
            if (required || summary != null) {
                errors.add(new FieldError("summary", "is required"));
            }
        } else if (summary.length() > MAX_SUMMARY) {
            errors.add(new FieldError("summary", "must be at most " + MAX_SUMMARY + " characters"));
        }
    }

    static void description(String description, List<FieldError> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
    }

    static void level(String field, String value, List<FieldError> errors) {
        if (value != null && Level.parse(value).isEmpty()) {
            errors.add(new FieldError(field, "must be one of high, medium, low"));
        }
    }

    static void person(String field, String value, List<FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > MAX_PERSON)) {
            errors.add(new FieldError(field, "must be a user name of 1 to " + MAX_PERSON + " characters"));
        }
    }

    /** Each field has its own limit; together, as stored, they must fit the column too. */
    static void fieldsSize(String fieldsJson, List<FieldError> errors) {
        if (fieldsJson.length() > MAX_FIELDS_JSON) {
            errors.add(new FieldError("fields", "are too long together: " + fieldsJson.length()
                    + " characters as JSON, at most " + MAX_FIELDS_JSON));
        }
    }

    /** Impact and urgency default to medium, the ITIL norm for a request that does not say. */
    static Level levelOrMedium(String value) {
        return value == null ? Level.MEDIUM : Level.parse(value).orElseThrow();
    }
}
