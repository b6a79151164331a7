package org.atrium.api.ticket;

import java.util.Locale;
import java.util.Optional;

/** Impact and urgency levels of the ITIL priority matrix. */
public enum Level {
    HIGH, MEDIUM, LOW;

    /** Parses {@code high}, {@code medium} or {@code low}, case-insensitively. */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
