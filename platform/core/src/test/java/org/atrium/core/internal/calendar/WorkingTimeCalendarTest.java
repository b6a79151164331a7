package org.atrium.core.internal.calendar;

import static org.atrium.core.internal.calendar.TestCalendars.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atrium.api.calendar.WorkingInterval;
import org.junit.jupiter.api.Test;

class WorkingTimeCalendarTest {
    private final WorkingTimeCalendar munich = TestCalendars.munich();

    @Test
    void withinOneDay() {
        assertEquals(berlin("2026-03-02T11:00"), munich.plus(berlin("2026-03-02T09:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), munich.between(berlin("2026-03-02T09:00"), berlin("2026-03-02T11:00")));
    }

    @Test
    void crossesTheEndOfTheDay() {
        assertEquals(berlin("2026-03-03T09:00"), munich.plus(berlin("2026-03-02T16:00"), Duration.ofHours(2)));
    }

    @Test
    void aStartOutsideTheHoursWaitsForThem() {
        assertEquals(berlin("2026-03-02T09:00"), munich.plus(berlin("2026-03-02T06:00"), Duration.ofHours(1)));
        assertEquals(berlin("2026-03-09T09:00"), munich.plus(berlin("2026-03-07T12:00"), Duration.ofHours(1)), "Saturday to Monday");
        assertEquals(Duration.ZERO, munich.between(berlin("2026-03-07T00:00"), berlin("2026-03-09T08:00")));
    }

    @Test
    void skipsTheWeekend() {
        assertEquals(berlin("2026-03-09T09:00"), munich.plus(berlin("2026-03-06T16:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), munich.between(berlin("2026-03-06T16:00"), berlin("2026-03-09T09:00")));
    }

    @Test
    void anAmountThatFillsTheDayEndsAtTheEndOfTheShift() {
        assertEquals(berlin("2026-03-02T17:00"), munich.plus(berlin("2026-03-02T08:00"), Duration.ofHours(9)));
        assertEquals(berlin("2026-03-02T09:00"), munich.plus(berlin("2026-03-02T09:00"), Duration.ZERO));
    }

    @Test
    void epiphanyInBavariaButNotInBerlin() {
        // Mon 5 Jan 2026, 16:00, two hours: Bavaria has Tuesday 6 January off
        assertEquals(berlin("2026-01-07T09:00"), munich.plus(berlin("2026-01-05T16:00"), Duration.ofHours(2)));
        assertEquals(berlin("2026-01-06T09:00"), TestCalendars.berlin().plus(berlin("2026-01-05T16:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(9), TestCalendars.berlin().between(berlin("2026-01-06T00:00"), berlin("2026-01-07T00:00")));
        assertEquals(Duration.ZERO, munich.between(berlin("2026-01-06T00:00"), berlin("2026-01-07T00:00")));
    }

    @Test
    void berlinsEighthOfMay2025() {
        assertEquals(berlin("2025-05-09T09:00"), TestCalendars.berlin().plus(berlin("2025-05-07T16:00"), Duration.ofHours(2)));
        assertEquals(berlin("2025-05-08T09:00"), munich.plus(berlin("2025-05-07T16:00"), Duration.ofHours(2)));
    }

    @Test
    void springForwardShortensTheNight() {
        WorkingTimeCalendar nights = TestCalendars.nights();
        // the night to Sunday 29 March 2026: 00:00 to 06:00 is five hours, 02:00 to 03:00 never happens
        assertEquals(Duration.ofHours(5), nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")));
        assertEquals(Duration.ofHours(6), nights.between(berlin("2026-03-28T00:00"), berlin("2026-03-28T12:00")));
        assertEquals(berlin("2026-03-29T04:00"), nights.plus(berlin("2026-03-29T00:00"), Duration.ofHours(3)));
        // round the clock: a weekend day is 23 hours long
        WorkingTimeCalendar rtc = TestCalendars.roundTheClockBerlin();
        assertEquals(Duration.ofHours(23), rtc.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
        assertEquals(berlin("2026-03-29T03:00"), rtc.plus(berlin("2026-03-28T22:00"), Duration.ofHours(4)));
    }

    @Test
    void fallBackLengthensTheNight() {
        WorkingTimeCalendar nights = TestCalendars.nights();
        assertEquals(Duration.ofHours(7), nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00")));
        WorkingTimeCalendar rtc = TestCalendars.roundTheClockBerlin();
        assertEquals(Duration.ofHours(25), rtc.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
        // 01:00 CEST plus 2 hours of real time is 02:00 CET, the second 02:00 of the night
        Instant due = rtc.plus(berlin("2026-10-25T01:00"), Duration.ofHours(2));
        assertEquals(Instant.parse("2026-10-25T01:00:00Z"), due);
    }

    @Test
    void officeHoursAcrossAClockChangeWeekend() {
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), munich.plus(berlin("2026-03-27T16:00"), Duration.ofHours(2)),
                "Friday 16:00 CET + 2h is Monday 09:00 CEST");
        assertEquals(Duration.ofHours(2), munich.between(Instant.parse("2026-10-23T14:00:00Z"), Instant.parse("2026-10-26T08:00:00Z")),
                "Friday 16:00 CEST to Monday 09:00 CET");
    }

    @Test
    void dueTimesCrossMidnight() {
        WorkingTimeCalendar nights = TestCalendars.nights();
        assertEquals(berlin("2026-03-03T01:00"), nights.plus(berlin("2026-03-02T23:00"), Duration.ofHours(2)));
        assertEquals(List.of(new WorkingInterval(berlin("2026-03-02T23:00"), berlin("2026-03-03T01:00"))),
                nights.workingIntervals(berlin("2026-03-02T23:00"), berlin("2026-03-03T01:00")), "22:00-24:00 and 00:00-06:00 join");
    }

    @Test
    void yearEndWithHolidaysAndClosingDays() {
        Map<String, Object> properties = TestCalendars.office("de-by", "DE-BY", "08:00-17:00");
        properties.put("closingDays", "12-24, 12-31");
        WorkingTimeCalendar closing = TestCalendars.build(properties);
        // Wed 23 Dec 16:00, one working day: 24th closed, 25th and 26th holidays, 27th Sunday
        assertEquals(berlin("2026-12-28T16:00"), closing.plus(berlin("2026-12-23T16:00"), Duration.ofHours(9)));
        // Wed 30 Dec 12:00, 16 hours: 31st closed, 1 Jan holiday, weekend, Mon 4 Jan full, Tue 5 Jan 10:00
        assertEquals(berlin("2027-01-05T10:00"), closing.plus(berlin("2026-12-30T12:00"), Duration.ofHours(16)));
        assertEquals(Duration.ofHours(16), closing.between(berlin("2026-12-30T12:00"), berlin("2027-01-05T10:00")));
        // without the closing days the 24th and 31st are working days
        assertEquals(berlin("2026-12-24T16:00"), munich.plus(berlin("2026-12-23T16:00"), Duration.ofHours(9)));
    }

    @Test
    void closingDayRanges() {
        Map<String, Object> properties = TestCalendars.office("de-by", "DE-BY", "08:00-17:00");
        properties.put("closingDays", "2026-12-28..2026-12-30");
        WorkingTimeCalendar closing = TestCalendars.build(properties);
        // Thursday 24th (9 hours), then 25th and 26th holidays, Sunday, 28th to 30th closed: Thursday 31st
        assertEquals(berlin("2026-12-31T09:00"), closing.plus(berlin("2026-12-23T17:00"), Duration.ofHours(10)));
        assertFalse(closing.isWorkingTime(berlin("2026-12-29T10:00")));
        assertTrue(closing.isWorkingTime(berlin("2026-12-31T10:00")));
    }

    @Test
    void splitShifts() {
        WorkingTimeCalendar split = TestCalendars.split();
        assertEquals(berlin("2026-03-02T14:00"), split.plus(berlin("2026-03-02T11:00"), Duration.ofHours(2)));
        assertEquals(berlin("2026-03-02T13:30"), split.plus(berlin("2026-03-02T12:30"), Duration.ofMinutes(30)), "starts in the break");
        assertEquals(berlin("2026-03-02T12:00"), split.plus(berlin("2026-03-02T11:00"), Duration.ofHours(1)), "ends with the morning shift");
        assertEquals(Duration.ofHours(8), split.between(berlin("2026-03-02T00:00"), berlin("2026-03-03T00:00")));
        assertFalse(split.isWorkingTime(berlin("2026-03-02T12:00")));
        assertTrue(split.isWorkingTime(berlin("2026-03-02T11:59:59")));
    }

    @Test
    void workingIntervalsExplainTheFigure() {
        WorkingTimeCalendar split = TestCalendars.split();
        List<WorkingInterval> intervals = split.workingIntervals(berlin("2026-03-06T16:00"), berlin("2026-03-09T10:00"));
        assertEquals(List.of(new WorkingInterval(berlin("2026-03-06T16:00"), berlin("2026-03-06T17:00")),
                new WorkingInterval(berlin("2026-03-09T08:00"), berlin("2026-03-09T10:00"))), intervals);
        assertEquals(List.of(), split.workingIntervals(berlin("2026-03-07T10:00"), berlin("2026-03-07T11:00")));
    }

    @Test
    void longAmountsWalkWholeWeeks() {
        // 1,000 working hours from Monday 2 March 2026 08:00: 111 days of 9 hours and one hour more.
        // Weekdays to Tuesday 11 August: 117, less Bavaria's six holidays on the way (Good Friday,
        // Easter Monday, 1 May, Ascension, Whit Monday, Corpus Christi) = 111; so the 112th day at 09:00
        Instant due = munich.plus(berlin("2026-03-02T08:00"), Duration.ofHours(1000));
        assertEquals(Duration.ofHours(1000), munich.between(berlin("2026-03-02T08:00"), due));
        assertEquals(berlin("2026-08-12T09:00"), due);
    }

    @Test
    void betweenBackwardsIsNegative() {
        assertEquals(Duration.ofHours(-2), munich.between(berlin("2026-03-02T11:00"), berlin("2026-03-02T09:00")));
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThrows(IllegalArgumentException.class, () -> munich.plus(berlin("2026-03-02T11:00"), Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> munich.plus(Instant.parse("2300-01-01T00:00:00Z"), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> munich.plus(berlin("2199-12-31T16:00"), Duration.ofHours(2)));
    }

    @Test
    void roundTheClockIsElapsedTime() {
        WorkingTimeCalendar always = new WorkingTimeCalendar(CalendarDefinition.alwaysOpen("24x7"), null);
        Instant start = Instant.parse("2026-12-31T23:00:00Z");
        assertEquals(Instant.parse("2027-01-01T01:00:00Z"), always.plus(start, Duration.ofHours(2)));
        assertEquals(Duration.ofDays(400), always.between(start, start.plus(Duration.ofDays(400))));
        assertEquals(List.of(new WorkingInterval(start, start.plusSeconds(60))), always.workingIntervals(start, start.plusSeconds(60)));
        assertTrue(always.isWorkingTime(start));
    }
}
