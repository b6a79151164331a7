package org.atrium.api.calendar;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The business calendars configured now (Karaf configuration {@code etc/org.atrium.calendar-<name>.cfg},
 * read again when it changes), and the built-in {@value #ALWAYS_OPEN}.
 */
@ProviderType
public interface BusinessCalendars {
    /** Round the clock, every day, no holidays: for P1 incidents. Built in; a configuration of that name replaces it. */
    String ALWAYS_OPEN = "24x7";

    Optional<BusinessCalendar> find(String name);

    /** Every calendar, sorted by name. */
    List<BusinessCalendar> all();
}
