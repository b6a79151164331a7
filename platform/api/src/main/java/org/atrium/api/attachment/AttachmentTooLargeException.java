package org.atrium.api.attachment;

import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;

/** The file is larger than the installation accepts: 413, naming the part {@code file}; nothing was stored. */
public class AttachmentTooLargeException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public AttachmentTooLargeException(long maxBytes) {
        super(List.of(new FieldError("file", "must be at most " + maxBytes + " bytes")), "too large");
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String title() {
        return "Payload Too Large";
    }
}
