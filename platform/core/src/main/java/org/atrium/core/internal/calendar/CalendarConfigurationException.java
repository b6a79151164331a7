package org.atrium.core.internal.calendar;

/** A calendar configuration that cannot be used, naming the key at fault and why. */
final class CalendarConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;

    CalendarConfigurationException(String key, String reason) {
        super("key '" + key + "': " + reason);
        this.key = key;
    }

    String key() {
        return key;
    }
}
