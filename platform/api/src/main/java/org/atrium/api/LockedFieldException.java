package org.atrium.api;

import java.util.List;

/**
 * A change touched fields the caller may not change in the ticket's present state (the type's
 * field rules); nothing was written. Lists every such field with the reason.
 */
public class LockedFieldException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public LockedFieldException(List<FieldError> errors) {
        super(errors, "locked");
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Locked fields";
    }
}
