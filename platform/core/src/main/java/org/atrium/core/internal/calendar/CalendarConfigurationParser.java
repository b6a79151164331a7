package org.atrium.core.internal.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.atrium.api.calendar.HolidayCalendar;
import org.atrium.core.internal.config.FrameworkProperties;

/**
 * Reads one {@code org.atrium.calendar-<name>} configuration:
 * <pre>
 * name = de-by
 * zone = Europe/Berlin
 * monday = 08:00-12:00, 13:00-17:00
 * ...           (a weekday left out or empty is closed)
 * country = DE
 * region = DE-BY
 * closingDays = 12-24, 12-31, 2026-12-28..2026-12-30
 * </pre>
 * Strict on purpose: an unknown key (a misspelt weekday) would otherwise silently close a day.
 */
final class CalendarConfigurationParser {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final Set<String> KEYS = Set.of("name", "zone", "country", "region", "closingDays", "description");

    private CalendarConfigurationParser() {
    }

    static CalendarDefinition parse(Map<String, ?> properties, HolidayCalendar holidays) throws CalendarConfigurationException {
        for (String key : new TreeSet<>(properties.keySet())) {
            if (!KEYS.contains(key) && weekday(key) == null && !managedByTheFramework(key)) {
                throw new CalendarConfigurationException(key, "unknown key; known are name, zone, monday to sunday, country, region, closingDays, description");
            }
        }
        String name = text(properties, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new CalendarConfigurationException("name", "'" + (name == null ? "" : name)
                    + "' is not a calendar name (lower-case letters, digits and dashes, at most 50)");
        }
        ZoneId zone = zone(text(properties, "zone"));
        List<List<int[]>> shifts = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            try {
                shifts.add(WeeklyHours.parseDay(text(properties, key)));
            } catch (IllegalArgumentException e) {
                throw new CalendarConfigurationException(key, e.getMessage());
            }
        }
        WeeklyHours hours = new WeeklyHours(shifts);
        if (hours.weekNanos() == 0) {
            throw new CalendarConfigurationException("monday", "no working hours on any weekday (monday to sunday)");
        }
        String region = holidayRegion(text(properties, "country"), text(properties, "region"), holidays);
        ClosingDays closing;
        try {
            closing = ClosingDays.parse(text(properties, "closingDays"));
        } catch (IllegalArgumentException e) {
            throw new CalendarConfigurationException("closingDays", e.getMessage());
        }
        return new CalendarDefinition(name, zone, hours, region, closing);
    }

    private static ZoneId zone(String zone) throws CalendarConfigurationException {
        if (zone == null) {
            throw new CalendarConfigurationException("zone", "is required (a time zone such as Europe/Berlin)");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CalendarConfigurationException("zone", "'" + zone + "' is not a time zone (e.g. Europe/Berlin)");
        }
    }

    /** The region if given (it must lie in the country), else the country, else none. */
    private static String holidayRegion(String country, String region, HolidayCalendar holidays) throws CalendarConfigurationException {
        if (country != null && (RegionCode.parse(country) == null || RegionCode.parse(country).subdivision() != null || !holidays.knows(country))) {
            throw new CalendarConfigurationException("country", "'" + country + "' is not a country with public holidays (ISO 3166 code such as DE)");
        }
        if (region == null) {
            return country == null ? null : country.toUpperCase(Locale.ROOT);
        }
        RegionCode code = RegionCode.parse(region);
        if (code == null || code.subdivision() == null || !holidays.knows(region.toUpperCase(Locale.ROOT))) {
            throw new CalendarConfigurationException("region", "'" + region + "' is not a region with public holidays (ISO 3166-2 code such as DE-BY)");
        }
        if (country != null && !code.country().equalsIgnoreCase(country)) {
            throw new CalendarConfigurationException("region", "'" + region + "' does not lie in country " + country);
        }
        return region.toUpperCase(Locale.ROOT);
    }

    private static DayOfWeek weekday(String key) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(key)) {
                return day;
            }
        }
        return null;
    }

    /** Config Admin and File Install add their own properties. */
    private static boolean managedByTheFramework(String key) {
        return FrameworkProperties.isFramework(key);
    }

    private static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
