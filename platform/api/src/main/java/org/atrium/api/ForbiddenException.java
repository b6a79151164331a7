package org.atrium.api;

/** The caller is known but may not do this. */
public class ForbiddenException extends AtriumException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
