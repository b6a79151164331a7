package org.atrium.core.internal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Set;

/**
 * One calendar's facts about each day of one year, computed once: closed (a public holiday or a
 * closing day), the UTC offset of the day and whether the clock changes on it. With these the
 * due-time walk turns local shift times into instants by arithmetic, and skips runs of ordinary
 * days whole ({@link #nextIrregularDay}).
 */
final class YearPlan {
    final int year;
    final long firstDay;
    final long endDay;
    private final boolean[] closed;
    private final boolean[] clockChanges;
    private final int[] offsetSeconds;
    /** For each day, the epoch day of the next closed or clock-change day from it on (endDay if none this year). */
    private final long[] nextIrregular;
    private final ZoneRules rules;

    YearPlan(int year, ZoneRules rules, Set<LocalDate> holidays, ClosingDays closingDays) {
        this.year = year;
        this.rules = rules;
        LocalDate first = LocalDate.of(year, 1, 1);
        this.firstDay = first.toEpochDay();
        this.endDay = first.plusYears(1).toEpochDay();
        int days = (int) (endDay - firstDay);
        closed = new boolean[days];
        clockChanges = new boolean[days];
        offsetSeconds = new int[days];
        markClockChanges(first);
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            closed[i] = holidays.contains(date) || closingDays.contains(date);
            offsetSeconds[i] = rules.getOffset(date.atTime(12, 0)).getTotalSeconds();
        }
        nextIrregular = new long[days];
        long next = endDay;
        for (int i = days - 1; i >= 0; i--) {
            if (closed[i] || clockChanges[i]) {
                next = firstDay + i;
            }
            nextIrregular[i] = next;
        }
    }

    /** Marks the local days on either side of each offset change in (or next to) this year. */
    private void markClockChanges(LocalDate first) {
        if (rules.isFixedOffset()) {
            return;
        }
        Instant from = first.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = first.plusYears(1).plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (ZoneOffsetTransition change = rules.nextTransition(from); change != null && change.getInstant().isBefore(until);
                change = rules.nextTransition(change.getInstant())) {
            mark(change.getDateTimeBefore().toLocalDate());
            mark(change.getDateTimeAfter().toLocalDate());
        }
    }

    private void mark(LocalDate date) {
        long day = date.toEpochDay();
        if (day >= firstDay && day < endDay) {
            clockChanges[(int) (day - firstDay)] = true;
        }
    }

    boolean contains(long epochDay) {
        return epochDay >= firstDay && epochDay < endDay;
    }

    boolean closed(long epochDay) {
        return closed[(int) (epochDay - firstDay)];
    }

    /** Neither closed nor with a clock change: its working time is the weekday's nominal time. */
    boolean ordinary(long epochDay) {
        int i = (int) (epochDay - firstDay);
        return !closed[i] && !clockChanges[i];
    }

    long nextIrregularDay(long epochDay) {
        return nextIrregular[(int) (epochDay - firstDay)];
    }

    /**
     * The instant, in epoch seconds, of a local time of a day (secondOfDay up to 86400 = the next
     * midnight). A time skipped by a clock change counts as the same time after the change, as
     * {@link java.time.ZonedDateTime#of} does; a repeated one as its first occurrence.
     */
    long epochSecond(long epochDay, int secondOfDay) {
        long local = epochDay * 86_400L + secondOfDay;
        int i = (int) (epochDay - firstDay);
        if (!clockChanges[i]) {
            return local - offsetSeconds[i];
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
        return local - rules.getOffset(time).getTotalSeconds();
    }
}
