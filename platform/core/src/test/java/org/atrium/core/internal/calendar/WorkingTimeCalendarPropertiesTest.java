package org.atrium.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.atrium.api.calendar.WorkingInterval;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The calendar math against its laws and against a naive oracle that walks minute by minute
 * through local times (what the fast walk must never do, and must always agree with).
 */
class WorkingTimeCalendarPropertiesTest {
    private static final Map<String, WorkingTimeCalendar> CALENDARS = Map.of(
            "munich", TestCalendars.munich(), "berlin", TestCalendars.berlin(), "split", TestCalendars.split(),
            "nights", TestCalendars.nights(), "rtc", TestCalendars.roundTheClockBerlin(), "closing", withClosingDays());
    /** 2025-01-01 to 2028-01-01 in Berlin: three years with six clock changes and two year ends. */
    private static final long FROM = TestCalendars.berlin("2025-01-01T00:00").getEpochSecond();
    private static final long UNTIL = TestCalendars.berlin("2027-12-20T00:00").getEpochSecond();

    private static WorkingTimeCalendar withClosingDays() {
        Map<String, Object> properties = TestCalendars.office("closing", "DE-BE", "07:30-12:00, 12:45-16:15");
        properties.put("saturday", "09:00-13:00");
        properties.put("closingDays", "12-24, 12-31, 2026-07-20..2026-07-31");
        return TestCalendars.build(properties);
    }

    @Provide
    Arbitrary<String> calendars() {
        return Arbitraries.of(CALENDARS.keySet().stream().sorted().toList());
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, UNTIL).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Instant> minutes() {
        return Arbitraries.longs().between(FROM / 60, UNTIL / 60).map(minute -> Instant.ofEpochSecond(minute * 60));
    }

    @Property(tries = 300)
    void plusAgreesWithAMinuteByMinuteWalk(@ForAll("calendars") String name, @ForAll("minutes") Instant start,
            @ForAll @IntRange(min = 1, max = 3000) int minutes) {
        WorkingTimeCalendar calendar = CALENDARS.get(name);
        assertEquals(naivePlus(calendar, start, minutes), calendar.plus(start, Duration.ofMinutes(minutes)));
    }

    @Property(tries = 500)
    void betweenUndoesPlus(@ForAll("calendars") String name, @ForAll("instants") Instant start,
            @ForAll @LongRange(min = 0, max = 400L * 3600 * 1_000_000_000L) long nanos) {
        WorkingTimeCalendar calendar = CALENDARS.get(name);
        Duration amount = Duration.ofNanos(nanos);
        Instant due = calendar.plus(start, amount);
        assertEquals(amount, calendar.between(start, due));
        assertFalse(due.isBefore(start));
    }

    @Property(tries = 300)
    void laterStartsAndLongerAmountsNeverGiveEarlierDueTimes(@ForAll("calendars") String name, @ForAll("instants") Instant a,
            @ForAll @IntRange(min = 0, max = 100_000) int later, @ForAll @IntRange(min = 0, max = 200_000) int seconds,
            @ForAll @IntRange(min = 0, max = 100_000) int more) {
        WorkingTimeCalendar calendar = CALENDARS.get(name);
        Instant b = a.plusSeconds(later);
        Duration d = Duration.ofSeconds(seconds);
        assertFalse(calendar.plus(b, d).isBefore(calendar.plus(a, d)));
        assertFalse(calendar.plus(a, d.plusSeconds(more)).isBefore(calendar.plus(a, d)));
    }

    @Property(tries = 300)
    void intervalsAddUpToBetweenAndAreWorkingTime(@ForAll("calendars") String name, @ForAll("instants") Instant a,
            @ForAll @IntRange(min = 0, max = 30 * 86_400) int seconds) {
        WorkingTimeCalendar calendar = CALENDARS.get(name);
        Instant b = a.plusSeconds(seconds);
        List<WorkingInterval> intervals = calendar.workingIntervals(a, b);
        assertEquals(calendar.between(a, b), intervals.stream().map(WorkingInterval::duration).reduce(Duration.ZERO, Duration::plus));
        for (int i = 0; i < intervals.size(); i++) {
            WorkingInterval interval = intervals.get(i);
            assertTrue(calendar.isWorkingTime(interval.start()), interval.toString());
            assertTrue(calendar.isWorkingTime(interval.end().minusNanos(1)), interval.toString());
            if (i > 0) {
                assertTrue(intervals.get(i - 1).end().isBefore(interval.start()), "apart and in order");
            }
        }
    }

    @Property(tries = 300)
    void betweenAddsUp(@ForAll("calendars") String name, @ForAll("instants") Instant a,
            @ForAll @IntRange(min = 0, max = 20 * 86_400) int first, @ForAll @IntRange(min = 0, max = 20 * 86_400) int second) {
        WorkingTimeCalendar calendar = CALENDARS.get(name);
        Instant b = a.plusSeconds(first);
        Instant c = b.plusSeconds(second);
        assertEquals(calendar.between(a, c), calendar.between(a, b).plus(calendar.between(b, c)));
        assertEquals(calendar.between(a, c).negated(), calendar.between(c, a));
    }

    /** Counts working minutes one by one, deciding each from its local date and time. */
    private static Instant naivePlus(WorkingTimeCalendar calendar, Instant start, int minutes) {
        Instant at = start;
        int counted = 0;
        while (true) {
            if (workingMinute(calendar, at)) {
                counted++;
                if (counted == minutes) {
                    return at.plusSeconds(60);
                }
            }
            at = at.plusSeconds(60);
        }
    }

    private static boolean workingMinute(WorkingTimeCalendar calendar, Instant minute) {
        CalendarDefinition definition = calendar.definition();
        ZonedDateTime local = minute.atZone(definition.zone());
        LocalDate date = local.toLocalDate();
        if (definition.closingDays().contains(date)
                || (definition.holidayRegion() != null && TestCalendars.HOLIDAYS.isHoliday(definition.holidayRegion(), date))) {
            return false;
        }
        int second = local.toLocalTime().toSecondOfDay();
        int day = local.getDayOfWeek().ordinal();
        int[] starts = definition.hours().starts(day);
        int[] ends = definition.hours().ends(day);
        for (int i = 0; i < starts.length; i++) {
            if (second >= starts[i] && second < ends[i]) {
                return true;
            }
        }
        return false;
    }
}
