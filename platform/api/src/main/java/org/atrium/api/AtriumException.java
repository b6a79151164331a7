package org.atrium.api;

/** Base of the errors that Atrium services throw on purpose; each maps to one HTTP status. */
public abstract class AtriumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected AtriumException(String message) {
        super(message);
    }

    /** The HTTP status that the REST layer answers with. */
    public abstract int status();

    /** A short, stable title for problem+json. */
    public abstract String title();
}
