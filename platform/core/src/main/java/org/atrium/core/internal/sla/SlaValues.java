package org.atrium.core.internal.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The values a service-level policy is made of, checked the same way in a descriptor's {@code sla}
 * and in a department's overrides (etc/org.atrium.sla-*.cfg).
 */
public final class SlaValues {
    /** A calendar name as etc/org.atrium.calendar-NAME.cfg gives it, e.g. de-by or 24x7. */
    public static final Pattern CALENDAR = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    public static final String CALENDAR_TEXT = "a calendar name like de-by or 24x7 (lower-case letters, digits and dashes)";
    public static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    /** The longest target: a year round the clock. Longer is a typo, and beyond what calendars compute. */
    public static final Duration MAX_TARGET = Duration.ofHours(8760);
    public static final int MIN_WARN_PERCENT = 1;
    public static final int MAX_WARN_PERCENT = 99;
    private static final Pattern DAYS = Pattern.compile("[-+]?P[^T]*D.*");

    private SlaValues() {
    }

    /**
     * A target in business time: hours, minutes, seconds (PT4H, PT30M). Days are refused: P1D would
     * be 24 business hours, nearly three working days, which is never what the writer meant.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Duration target(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration of business time like PT30M or PT8H, not \"" + text + "\"");
        }
        if (DAYS.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("counts business time in hours and minutes: a day (D) would be 24 business hours;"
                    + " write PT9H for one working day of 08:00 to 17:00, not \"" + text + "\"");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be longer than zero, not \"" + text + "\"");
        }
        if (duration.compareTo(MAX_TARGET) > 0) {
            throw new IllegalArgumentException("must be at most PT8760H, not \"" + text + "\"");
        }
        return duration;
    }

    /** Whether a warning share is allowed: whole percent from 1 to 99. */
    public static boolean isWarnPercent(long percent) {
        return percent >= MIN_WARN_PERCENT && percent <= MAX_WARN_PERCENT;
    }
}
