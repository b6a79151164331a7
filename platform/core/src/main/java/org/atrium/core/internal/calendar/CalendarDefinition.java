package org.atrium.core.internal.calendar;

import java.time.ZoneId;

/**
 * What one business calendar is made of, as configured.
 *
 * @param holidayRegion where public holidays come from (DE-BY, or a country: DE); null for none
 */
record CalendarDefinition(String name, ZoneId zone, WeeklyHours hours, String holidayRegion, ClosingDays closingDays) {
    static CalendarDefinition alwaysOpen(String name) {
        return new CalendarDefinition(name, ZoneId.of("UTC"), WeeklyHours.alwaysOpen(), null, ClosingDays.NONE);
    }
}
