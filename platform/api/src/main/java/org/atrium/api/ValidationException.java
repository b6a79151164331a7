package org.atrium.api;

import java.util.List;

/** Input was rejected; nothing was written. Lists every bad field, not only the first. */
public class ValidationException extends AtriumException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        this(errors, "invalid");
    }

    /** @param what how the fields are at fault, for the message: "invalid", "locked", ... */
    protected ValidationException(List<FieldError> errors, String what) {
        super(describe(errors, what));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    private static String describe(List<FieldError> errors, String what) {
        StringBuilder text = new StringBuilder(errors.size() == 1 ? "1 field is " + what : errors.size() + " fields are " + what);
        for (FieldError error : errors) {
            text.append("; ").append(error.field()).append(": ").append(error.reason());
        }
        return text.toString();
    }
}
