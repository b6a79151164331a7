package org.atrium.api.attachment;

import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;

/** A content type that is not accepted, or bytes that are not what the type claims: 415, naming {@code file}. */
public class AttachmentTypeRefusedException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public AttachmentTypeRefusedException(String reason) {
        super(List.of(new FieldError("file", reason)), "refused");
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String title() {
        return "Unsupported Media Type";
    }
}
