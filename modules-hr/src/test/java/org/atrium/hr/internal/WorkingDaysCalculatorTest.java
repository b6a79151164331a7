package org.atrium.hr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.calendar.Holiday;
import org.atrium.api.calendar.HolidayCalendar;
import org.junit.jupiter.api.Test;

class WorkingDaysCalculatorTest {
    /** A calendar where only 2026-12-24 is a holiday, and only in DE-BY. */
    private final HolidayCalendar calendar = new HolidayCalendar() {
        @Override
        public Set<String> regions() {
            return Set.of("DE-BY", "DE-HH");
        }

        @Override
        public List<Holiday> holidays(String region, int year) {
            return region.equals("DE-BY") ? List.of(new Holiday(LocalDate.parse("2026-12-24"), Map.of("de", "x", "en", "x"))) : List.of();
        }

        @Override
        public boolean isHoliday(String region, LocalDate date) {
            return holidays(region, date.getYear()).stream().anyMatch(holiday -> holiday.date().equals(date));
        }
    };
    private final WorkingDaysCalculator calculator = new WorkingDaysCalculator(calendar);

    private Map<String, Object> leave(String from, String to, String state) {
        return Map.of("kind", "annual", "period", Map.of("from", from, "to", to), "state", state);
    }

    @Test
    void countsWeekdaysLessTheStatesHolidays() {
        // Mon 21 to Sun 27 Dec 2026: five weekdays
        assertEquals(Map.of("workingDays", 5), calculator.calculate(null, leave("2026-12-21", "2026-12-27", "DE-HH")));
        assertEquals(Map.of("workingDays", 4), calculator.calculate(null, leave("2026-12-21", "2026-12-27", "DE-BY")));
        assertEquals(Map.of("workingDays", 0), calculator.calculate(null, leave("2026-12-26", "2026-12-27", "DE-BY")));
    }

    @Test
    void computesNothingWithoutPeriodAndState() {
        assertEquals(Map.of(), calculator.calculate(null, Map.of("kind", "annual")));
    }
}
