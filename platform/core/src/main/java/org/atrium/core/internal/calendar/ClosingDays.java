package org.atrium.core.internal.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Company closing days: single dates (2026-12-24), ranges (2026-12-27..2026-12-31, both days
 * included) and days that recur every year (12-24).
 */
record ClosingDays(Set<LocalDate> dates, Set<MonthDay> everyYear) {
    static final ClosingDays NONE = new ClosingDays(Set.of(), Set.of());
    /** A range longer than this is a typo rather than a closing. */
    private static final int LONGEST_RANGE_DAYS = 366;

    ClosingDays {
        dates = Set.copyOf(dates);
        everyYear = Set.copyOf(everyYear);
    }

    boolean contains(LocalDate date) {
        return dates.contains(date) || everyYear.contains(MonthDay.from(date));
    }

    /** Parses a comma-separated list; throws IllegalArgumentException naming the bad entry. */
    static ClosingDays parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> everyYear = new HashSet<>();
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            try {
                if (entry.contains("..")) {
                    String[] bounds = entry.split("\\.\\.", 2);
                    LocalDate from = LocalDate.parse(bounds[0].strip());
                    LocalDate to = LocalDate.parse(bounds[1].strip());
                    if (to.isBefore(from) || from.plusDays(LONGEST_RANGE_DAYS).isBefore(to)) {
                        throw new IllegalArgumentException("'" + entry + "' is not a range of 1 to " + LONGEST_RANGE_DAYS + " days");
                    }
                    from.datesUntil(to.plusDays(1)).forEach(dates::add);
                } else if (entry.length() == 5) {
                    everyYear.add(MonthDay.parse("--" + entry));
                } else {
                    dates.add(LocalDate.parse(entry));
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + entry + "' is not YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD or MM-DD (every year)");
            }
        }
        return new ClosingDays(dates, everyYear);
    }
}
