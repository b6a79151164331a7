package org.atrium.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.atrium.api.calendar.Holiday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GermanHolidayCalendarTest {
    private final GermanHolidayCalendar calendar = new GermanHolidayCalendar();

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25", "2019, 2019-04-21"})
    void easterSunday(int year, LocalDate expected) {
        assertEquals(expected, GermanHolidays.easterSunday(year));
    }

    @Test
    void nationwideHolidaysOf2026() {
        List<LocalDate> hamburg = calendar.holidays("DE-HH", 2026).stream().map(Holiday::date).toList();
        assertEquals(List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
                LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-25"),
                LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-31"), LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26")), hamburg);
    }

    @Test
    void stateHolidays() {
        assertTrue(calendar.isHoliday("DE-BY", LocalDate.parse("2026-01-06")), "Epiphany in Bavaria");
        assertFalse(calendar.isHoliday("DE-NW", LocalDate.parse("2026-01-06")));
        assertTrue(calendar.isHoliday("DE-NW", LocalDate.parse("2026-06-04")), "Corpus Christi in NRW");
        assertFalse(calendar.isHoliday("DE-BE", LocalDate.parse("2026-06-04")));
        assertTrue(calendar.isHoliday("DE-BE", LocalDate.parse("2026-03-09").minusDays(1)), "Women's Day in Berlin");
        assertTrue(calendar.isHoliday("DE-SN", LocalDate.parse("2026-11-18")), "Day of Prayer and Repentance 2026");
        assertTrue(calendar.isHoliday("DE-SN", LocalDate.parse("2025-11-19")), "Day of Prayer and Repentance 2025");
        assertTrue(calendar.isHoliday("DE-SL", LocalDate.parse("2026-08-15")));
        assertTrue(calendar.isHoliday("DE-TH", LocalDate.parse("2026-09-20")));
        assertTrue(calendar.isHoliday("DE-BW", LocalDate.parse("2026-11-01")));
        assertFalse(calendar.isHoliday("DE-HE", LocalDate.parse("2026-10-31")), "no Reformation Day in Hesse");
    }

    @Test
    void holidaysThatBeganInACertainYear() {
        assertFalse(calendar.isHoliday("DE-NI", LocalDate.parse("2016-10-31")));
        assertTrue(calendar.isHoliday("DE-NI", LocalDate.parse("2017-10-31")), "500 years of the Reformation, everywhere");
        assertTrue(calendar.isHoliday("DE-HE", LocalDate.parse("2017-10-31")));
        assertTrue(calendar.isHoliday("DE-NI", LocalDate.parse("2018-10-31")));
        assertFalse(calendar.isHoliday("DE-MV", LocalDate.parse("2022-03-08")));
        assertTrue(calendar.isHoliday("DE-MV", LocalDate.parse("2023-03-08")));
    }

    @Test
    void workingDaysSkipWeekendsAndTheStatesHolidays() {
        // Mon 30 Mar to Fri 10 Apr 2026: 10 weekdays, Good Friday and Easter Monday off
        assertEquals(8, calendar.workingDays("DE-HH", LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-10")));
        // Corpus Christi (Thu 4 Jun 2026) counts in Berlin, not in Bavaria
        assertEquals(5, calendar.workingDays("DE-BE", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-05")));
        assertEquals(4, calendar.workingDays("DE-BY", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-05")));
        assertEquals(0, calendar.workingDays("DE-BY", LocalDate.parse("2026-06-06"), LocalDate.parse("2026-06-07")));
    }

    @Test
    void unknownRegion() {
        assertThrows(IllegalArgumentException.class, () -> calendar.holidays("DE-XX", 2026));
        assertEquals(16, calendar.regions().size());
    }
}
