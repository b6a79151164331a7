package org.atrium.api;

/**
 * The change was based on a stale version, or clashes with the current state.
 * Carries the current version so that a client can reload and retry.
 */
public class ConflictException extends AtriumException {
    private static final long serialVersionUID = 1L;
    private final Long currentVersion;

    public ConflictException(String message, Long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    /** The version the resource has now, or null when the conflict is not about versions. */
    public Long currentVersion() {
        return currentVersion;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
