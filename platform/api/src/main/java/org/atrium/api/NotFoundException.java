package org.atrium.api;

/** The thing does not exist, or the caller may not know that it exists. */
public class NotFoundException extends AtriumException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
