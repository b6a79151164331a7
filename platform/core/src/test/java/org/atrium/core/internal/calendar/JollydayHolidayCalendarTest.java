package org.atrium.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.atrium.api.calendar.Holiday;
import org.junit.jupiter.api.Test;

/** The holidays now come from Jollyday; these are the assertions the hand-written calendar had, and more. */
class JollydayHolidayCalendarTest {
    private static final JollydayHolidayCalendar CALENDAR = new JollydayHolidayCalendar();

    @Test
    void nationwideHolidaysOf2026() {
        List<LocalDate> hamburg = CALENDAR.holidays("DE-HH", 2026).stream().map(Holiday::date).toList();
        assertEquals(List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
                LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-25"),
                LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-31"), LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26")), hamburg);
    }

    @Test
    void namesInGermanAndEnglish() {
        Holiday newYear = CALENDAR.holidays("DE-BY", 2026).get(0);
        assertEquals("Neujahr", newYear.names().get("de"));
        assertEquals("New Year's Day", newYear.names().get("en"));
    }

    @Test
    void stateHolidays() {
        assertTrue(CALENDAR.isHoliday("DE-BY", LocalDate.parse("2026-01-06")), "Epiphany in Bavaria");
        assertFalse(CALENDAR.isHoliday("DE-BE", LocalDate.parse("2026-01-06")), "not in Berlin");
        assertFalse(CALENDAR.isHoliday("DE-NW", LocalDate.parse("2026-01-06")));
        assertTrue(CALENDAR.isHoliday("DE-NW", LocalDate.parse("2026-06-04")), "Corpus Christi in NRW");
        assertFalse(CALENDAR.isHoliday("DE-BE", LocalDate.parse("2026-06-04")));
        assertTrue(CALENDAR.isHoliday("DE-BE", LocalDate.parse("2026-03-08")), "Women's Day in Berlin");
        assertTrue(CALENDAR.isHoliday("DE-SN", LocalDate.parse("2026-11-18")), "Day of Prayer and Repentance 2026");
        assertTrue(CALENDAR.isHoliday("DE-SN", LocalDate.parse("2025-11-19")), "Day of Prayer and Repentance 2025");
        assertTrue(CALENDAR.isHoliday("DE-SL", LocalDate.parse("2026-08-15")));
        assertTrue(CALENDAR.isHoliday("DE-TH", LocalDate.parse("2026-09-20")));
        assertTrue(CALENDAR.isHoliday("DE-BW", LocalDate.parse("2026-11-01")));
        assertFalse(CALENDAR.isHoliday("DE-HE", LocalDate.parse("2026-10-31")), "no Reformation Day in Hesse");
    }

    @Test
    void berlinsOneOffHolidays() {
        assertTrue(CALENDAR.isHoliday("DE-BE", LocalDate.parse("2025-05-08")), "80 years since the end of the war, Berlin only");
        assertFalse(CALENDAR.isHoliday("DE-BE", LocalDate.parse("2026-05-08")));
        assertFalse(CALENDAR.isHoliday("DE-BY", LocalDate.parse("2025-05-08")));
    }

    @Test
    void townHolidaysAreNotTheStates() {
        // Augsburg's peace festival and the Assumption in Munich are holidays of towns, not of Bavaria
        assertFalse(CALENDAR.isHoliday("DE-BY", LocalDate.parse("2026-08-08")));
        assertFalse(CALENDAR.isHoliday("DE-BY", LocalDate.parse("2026-08-14").plusDays(1)));
    }

    @Test
    void holidaysThatBeganInACertainYear() {
        assertFalse(CALENDAR.isHoliday("DE-NI", LocalDate.parse("2016-10-31")));
        assertTrue(CALENDAR.isHoliday("DE-NI", LocalDate.parse("2017-10-31")), "500 years of the Reformation, everywhere");
        assertTrue(CALENDAR.isHoliday("DE-HE", LocalDate.parse("2017-10-31")));
        assertTrue(CALENDAR.isHoliday("DE-NI", LocalDate.parse("2018-10-31")));
        assertFalse(CALENDAR.isHoliday("DE-MV", LocalDate.parse("2022-03-08")));
        assertTrue(CALENDAR.isHoliday("DE-MV", LocalDate.parse("2023-03-08")));
    }

    @Test
    void workingDaysSkipWeekendsAndTheStatesHolidays() {
        // Mon 30 Mar to Fri 10 Apr 2026: 10 weekdays, Good Friday and Easter Monday off
        assertEquals(8, CALENDAR.workingDays("DE-HH", LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-10")));
        // Corpus Christi (Thu 4 Jun 2026) counts in Berlin, not in Bavaria
        assertEquals(5, CALENDAR.workingDays("DE-BE", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-05")));
        assertEquals(4, CALENDAR.workingDays("DE-BY", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-05")));
        assertEquals(0, CALENDAR.workingDays("DE-BY", LocalDate.parse("2026-06-06"), LocalDate.parse("2026-06-07")));
        // the week of 8 May 2025: one day less in Berlin
        assertEquals(4, CALENDAR.workingDays("DE-BE", LocalDate.parse("2025-05-05"), LocalDate.parse("2025-05-09")));
        assertEquals(5, CALENDAR.workingDays("DE-HH", LocalDate.parse("2025-05-05"), LocalDate.parse("2025-05-09")));
    }

    @Test
    void otherCountriesAndWholeCountries() {
        assertTrue(CALENDAR.isHoliday("DE", LocalDate.parse("2026-10-03")));
        assertFalse(CALENDAR.isHoliday("DE", LocalDate.parse("2026-01-06")), "Epiphany is not national");
        assertTrue(CALENDAR.isHoliday("AT", LocalDate.parse("2026-12-08")), "Immaculate Conception in Austria");
        assertTrue(CALENDAR.knows("DE-BY"));
        assertTrue(CALENDAR.knows("DE"));
        assertFalse(CALENDAR.knows("DE-XX"));
        assertFalse(CALENDAR.knows("Bavaria"));
    }

    @Test
    void unknownRegion() {
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.holidays("DE-XX", 2026));
        assertEquals(16, CALENDAR.regions().stream().filter(region -> region.startsWith("DE-")).count());
        assertTrue(CALENDAR.regions().contains("DE-BE"));
    }
}
