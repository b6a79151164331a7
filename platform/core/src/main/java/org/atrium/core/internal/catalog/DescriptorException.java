package org.atrium.core.internal.catalog;

/** A descriptor is refused: names the field at fault and why. */
class DescriptorException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    DescriptorException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
