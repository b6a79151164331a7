package org.atrium.core.internal.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working hours per weekday as shifts in seconds of the local day, start inclusive, end exclusive
 * (end 86400 is 24:00). Kept as arrays: the due-time walk reads them millions of times a second.
 */
final class WeeklyHours {
    private static final Pattern SHIFT = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]|24):([0-5]\\d)");
    private static final int DAY = 86_400;
    private final int[][] starts = new int[7][];
    private final int[][] ends = new int[7][];
    private final long[] dayNanos = new long[7];
    private final long weekNanos;

    /** Shifts by weekday (Monday first), each as {start, end} in seconds of the day, sorted and not overlapping. */
    WeeklyHours(List<List<int[]>> shiftsByDay) {
        long week = 0;
        for (int day = 0; day < 7; day++) {
            List<int[]> shifts = shiftsByDay.get(day);
            starts[day] = shifts.stream().mapToInt(s -> s[0]).toArray();
            ends[day] = shifts.stream().mapToInt(s -> s[1]).toArray();
            dayNanos[day] = shifts.stream().mapToLong(s -> s[1] - s[0]).sum() * 1_000_000_000L;
            week += dayNanos[day];
        }
        weekNanos = week;
    }

    static WeeklyHours alwaysOpen() {
        List<List<int[]>> days = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            days.add(List.of(new int[] {0, DAY}));
        }
        return new WeeklyHours(days);
    }

    /**
     * One day's shifts from text such as {@code 08:00-12:00, 13:00-17:00}; empty or {@code closed}
     * is none. Throws IllegalArgumentException with the reason.
     */
    static List<int[]> parseDay(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<int[]> shifts = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            Matcher shift = SHIFT.matcher(part.strip());
            if (!shift.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a shift HH:MM-HH:MM (00:00 to 24:00)");
            }
            int start = Integer.parseInt(shift.group(1)) * 3600 + Integer.parseInt(shift.group(2)) * 60;
            int end = Integer.parseInt(shift.group(3)) * 3600 + Integer.parseInt(shift.group(4)) * 60;
            if (end > DAY) {
                throw new IllegalArgumentException("'" + part.strip() + "' ends after 24:00");
            }
            if (end <= start) {
                throw new IllegalArgumentException("'" + part.strip() + "' does not end after it starts (a shift past midnight is two: 22:00-24:00 and 00:00-06:00 of the next day)");
            }
            shifts.add(new int[] {start, end});
        }
        shifts.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int i = 1; i < shifts.size(); i++) {
            if (shifts.get(i)[0] < shifts.get(i - 1)[1]) {
                throw new IllegalArgumentException("shifts overlap: " + trimmed);
            }
        }
        return List.copyOf(shifts);
    }

    int[] starts(int dayIndex) {
        return starts[dayIndex];
    }

    int[] ends(int dayIndex) {
        return ends[dayIndex];
    }

    /** Working time of a whole weekday (index 0 = Monday) in nanoseconds, on a day without a clock change. */
    long dayNanos(int dayIndex) {
        return dayNanos[dayIndex];
    }

    long weekNanos() {
        return weekNanos;
    }

    boolean isAlwaysOpen() {
        for (int day = 0; day < 7; day++) {
            if (starts[day].length != 1 || starts[day][0] != 0 || ends[day][0] != DAY) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            text.append(day.name(), 0, 3).append(' ');
            int[] s = starts[day.ordinal()];
            int[] e = ends[day.ordinal()];
            text.append(s.length == 0 ? "closed" : "");
            for (int i = 0; i < s.length; i++) {
                text.append(i > 0 ? "," : "").append(hhmm(s[i])).append('-').append(hhmm(e[i]));
            }
            text.append(day == DayOfWeek.SUNDAY ? "" : "; ");
        }
        return text.toString();
    }

    private static String hhmm(int seconds) {
        return String.format("%02d:%02d", seconds / 3600, seconds % 3600 / 60);
    }
}
