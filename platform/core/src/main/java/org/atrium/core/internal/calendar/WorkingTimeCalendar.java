package org.atrium.core.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.Holiday;
import org.atrium.api.calendar.HolidayCalendar;
import org.atrium.api.calendar.WorkingInterval;

/**
 * A business calendar from a {@link CalendarDefinition}. The walk goes shift by shift on the first
 * and last day, and over the days between in whole days, or whole weeks as long as no holiday,
 * closing day or clock change lies ahead ({@link YearPlan#nextIrregularDay}); so a due time costs
 * a few shifts' arithmetic however far ahead it lies. Times are epoch nanoseconds internally,
 * which is why years are limited to 1900..2199.
 */
final class WorkingTimeCalendar implements BusinessCalendar {
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;
    private static final long NANOS = 1_000_000_000L;
    private static final long FIRST_EPOCH_DAY = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
    private static final long END_EPOCH_DAY = LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay();

    private final CalendarDefinition definition;
    private final HolidayCalendar holidays;
    private final WeeklyHours hours;
    private final ZoneRules rules;
    private final boolean alwaysOpen;
    private final AtomicReferenceArray<YearPlan> plans = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    WorkingTimeCalendar(CalendarDefinition definition, HolidayCalendar holidays) {
        this.definition = definition;
        this.holidays = holidays;
        this.hours = definition.hours();
        this.rules = definition.zone().getRules();
        // round the clock without days off: business time is plain elapsed time, in any zone
        this.alwaysOpen = hours.isAlwaysOpen() && definition.holidayRegion() == null
                && definition.closingDays().dates().isEmpty() && definition.closingDays().everyYear().isEmpty();
    }

    CalendarDefinition definition() {
        return definition;
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public ZoneId zone() {
        return definition.zone();
    }

    @Override
    public Instant plus(Instant start, Duration businessTime) {
        Objects.requireNonNull(start, "start");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("a business time is not negative: " + businessTime);
        }
        if (alwaysOpen || businessTime.isZero()) {
            return start.plus(businessTime);
        }
        long remaining = nanos(businessTime);
        long at = epochNanos(start);
        long day = localDay(start);
        YearPlan plan = plan(day);
        boolean firstDay = true;
        while (true) {
            if (!plan.contains(day)) {
                plan = plan(day);
            }
            int weekday = weekday(day);
            if (!firstDay && plan.ordinary(day)) {
                long weeks = Math.min((remaining - 1) / hours.weekNanos(), (plan.nextIrregularDay(day) - day) / 7);
                if (weeks > 0) {
                    remaining -= weeks * hours.weekNanos();
                    day += weeks * 7;
                    continue;
                }
                if (remaining > hours.dayNanos(weekday)) {
                    remaining -= hours.dayNanos(weekday);
                    day++;
                    continue;
                }
            }
            if (!plan.closed(day)) {
                int[] starts = hours.starts(weekday);
                int[] ends = hours.ends(weekday);
                for (int i = 0; i < starts.length; i++) {
                    long shiftEnd = plan.epochSecond(day, ends[i]) * NANOS;
                    if (shiftEnd <= at) {
                        continue;
                    }
                    long from = Math.max(plan.epochSecond(day, starts[i]) * NANOS, at);
                    long available = shiftEnd - from;
                    if (remaining <= available) {
                        return instant(from + remaining);
                    }
                    remaining -= available;
                }
            }
            firstDay = false;
            day++;
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        long start = epochNanos(from);
        long end = epochNanos(to);
        long firstDay = localDay(from);
        long lastDay = localDay(to);
        long total = 0;
        YearPlan plan = plan(firstDay);
        for (long day = firstDay; day <= lastDay;) {
            if (!plan.contains(day)) {
                plan = plan(day);
            }
            int weekday = weekday(day);
            if (day > firstDay && day < lastDay && plan.ordinary(day)) {
                // whole days strictly between the first and the last: nominal hours, by the week where possible
                long weeks = Math.min(lastDay - day, plan.nextIrregularDay(day) - day) / 7;
                if (weeks > 0) {
                    total += weeks * hours.weekNanos();
                    day += weeks * 7;
                } else {
                    total += hours.dayNanos(weekday);
                    day++;
                }
                continue;
            }
            if (!plan.closed(day)) {
                int[] starts = hours.starts(weekday);
                int[] ends = hours.ends(weekday);
                for (int i = 0; i < starts.length; i++) {
                    long shiftStart = Math.max(plan.epochSecond(day, starts[i]) * NANOS, start);
                    long shiftEnd = Math.min(plan.epochSecond(day, ends[i]) * NANOS, end);
                    if (shiftEnd > shiftStart) {
                        total += shiftEnd - shiftStart;
                    }
                }
            }
            day++;
        }
        return Duration.ofNanos(total);
    }

    @Override
    public List<WorkingInterval> workingIntervals(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        if (alwaysOpen) {
            return List.of(new WorkingInterval(from, to));
        }
        long start = epochNanos(from);
        long end = epochNanos(to);
        long lastDay = localDay(to);
        List<long[]> intervals = new ArrayList<>();
        YearPlan plan = plan(localDay(from));
        for (long day = localDay(from); day <= lastDay; day++) {
            if (!plan.contains(day)) {
                plan = plan(day);
            }
            if (plan.closed(day)) {
                continue;
            }
            int[] starts = hours.starts(weekday(day));
            int[] ends = hours.ends(weekday(day));
            for (int i = 0; i < starts.length; i++) {
                long shiftStart = Math.max(plan.epochSecond(day, starts[i]) * NANOS, start);
                long shiftEnd = Math.min(plan.epochSecond(day, ends[i]) * NANOS, end);
                if (shiftEnd <= shiftStart) {
                    continue;
                }
                long[] last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
                if (last != null && last[1] == shiftStart) {
                    last[1] = shiftEnd; // 24:00 of one day meets 00:00 of the next: one interval
                } else {
                    intervals.add(new long[] {shiftStart, shiftEnd});
                }
            }
        }
        return intervals.stream().map(i -> new WorkingInterval(instant(i[0]), instant(i[1]))).toList();
    }

    @Override
    public boolean isWorkingTime(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        long at = epochNanos(instant);
        long day = localDay(instant);
        YearPlan plan = plan(day);
        if (plan.closed(day)) {
            return false;
        }
        int[] starts = hours.starts(weekday(day));
        int[] ends = hours.ends(weekday(day));
        for (int i = 0; i < starts.length; i++) {
            if (at >= plan.epochSecond(day, starts[i]) * NANOS && at < plan.epochSecond(day, ends[i]) * NANOS) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name() + " (" + zone() + "; " + hours + "; holidays " + (definition.holidayRegion() == null ? "none" : definition.holidayRegion())
                + "; closing days " + definition.closingDays().dates().size() + " dates, " + definition.closingDays().everyYear().size() + " every year)";
    }

    private YearPlan plan(long epochDay) {
        if (epochDay < FIRST_EPOCH_DAY || epochDay >= END_EPOCH_DAY) {
            throw new IllegalArgumentException("business calendars cover the years " + FIRST_YEAR + " to " + LAST_YEAR
                    + "; " + LocalDate.ofEpochDay(epochDay) + " is outside");
        }
        int year = LocalDate.ofEpochDay(epochDay).getYear();
        YearPlan plan = plans.get(year - FIRST_YEAR);
        if (plan == null) {
            // two threads may build the same year at once: same result, one wins
            plan = new YearPlan(year, rules, holidayDates(year), definition.closingDays());
            plans.compareAndSet(year - FIRST_YEAR, null, plan);
        }
        return plan;
    }

    private Set<LocalDate> holidayDates(int year) {
        if (definition.holidayRegion() == null) {
            return Set.of();
        }
        return Set.copyOf(holidays.holidays(definition.holidayRegion(), year).stream().map(Holiday::date).toList());
    }

    /** The local date (as epoch day) on which an instant falls in this calendar's zone. */
    private long localDay(Instant instant) {
        long local = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
        return Math.floorDiv(local, 86_400L);
    }

    /** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
    private static int weekday(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    private static long epochNanos(Instant instant) {
        long day = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        if (day < FIRST_EPOCH_DAY - 1 || day >= END_EPOCH_DAY + 1) {
            throw new IllegalArgumentException("business calendars cover the years " + FIRST_YEAR + " to " + LAST_YEAR + "; " + instant + " is outside");
        }
        return instant.getEpochSecond() * NANOS + instant.getNano();
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a business time of at most 292 years: " + duration);
        }
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
    }
}
