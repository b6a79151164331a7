package org.atrium.api;

/** Something the request needs is not running right now (e.g. a validator whose bundle stopped); try again later. */
public class UnavailableException extends AtriumException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
