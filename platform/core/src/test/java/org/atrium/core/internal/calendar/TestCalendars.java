package org.atrium.core.internal.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Calendars for the tests, built through the configuration parser as Karaf would. */
final class TestCalendars {
    static final JollydayHolidayCalendar HOLIDAYS = new JollydayHolidayCalendar();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private TestCalendars() {
    }

    static Map<String, Object> office(String name, String region, String hours) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", name);
        properties.put("zone", "Europe/Berlin");
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            properties.put(day, hours);
        }
        if (region != null) {
            properties.put("country", "DE");
            properties.put("region", region);
        }
        return properties;
    }

    static WorkingTimeCalendar build(Map<String, Object> properties) {
        try {
            return new WorkingTimeCalendar(CalendarConfigurationParser.parse(properties, HOLIDAYS), HOLIDAYS);
        } catch (CalendarConfigurationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Munich office: Mon-Fri 08:00-17:00, Bavarian holidays. */
    static WorkingTimeCalendar munich() {
        return build(office("de-by", "DE-BY", "08:00-17:00"));
    }

    static WorkingTimeCalendar berlin() {
        return build(office("de-be", "DE-BE", "08:00-17:00"));
    }

    /** Split shift with a lunch break, no holidays. */
    static WorkingTimeCalendar split() {
        return build(office("split", null, "08:00-12:00, 13:00-17:00"));
    }

    /** Every day round the clock in Berlin, with Bavarian holidays: not the plain-elapsed-time shortcut. */
    static WorkingTimeCalendar roundTheClockBerlin() {
        Map<String, Object> properties = office("rtc", "DE-BY", "00:00-24:00");
        properties.put("saturday", "00:00-24:00");
        properties.put("sunday", "00:00-24:00");
        return build(properties);
    }

    /** A night service across midnight, every day, with a shift that a clock change shortens or lengthens. */
    static WorkingTimeCalendar nights() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", "nights");
        properties.put("zone", "Europe/Berlin");
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            properties.put(day, "00:00-06:00, 22:00-24:00");
        }
        return build(properties);
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
