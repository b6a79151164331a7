package org.atrium.api.calendar;

import java.time.LocalDate;
import java.util.Map;

/** A public holiday, with its name per language tag (de, en). */
public record Holiday(LocalDate date, Map<String, String> names) {
    public Holiday {
        names = Map.copyOf(names);
    }
}
