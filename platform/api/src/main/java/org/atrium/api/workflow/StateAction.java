package org.atrium.api.workflow;

/**
 * Something done when a ticket enters a state: either set a form field ({@code set} and
 * {@code value}; a null value clears it) in the same transaction, or run the named
 * {@link org.atrium.api.spi.TransitionAction} after the commit.
 */
public record StateAction(String set, Object value, String run) {
    public static StateAction run(String name) {
        return new StateAction(null, null, name);
    }

    public static StateAction set(String field, Object value) {
        return new StateAction(field, value, null);
    }
}
