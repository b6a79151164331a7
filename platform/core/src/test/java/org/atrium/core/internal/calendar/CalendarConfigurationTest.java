package org.atrium.core.internal.calendar;

import static org.atrium.core.internal.calendar.TestCalendars.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.BusinessCalendars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarConfigurationTest {

    private static Map<String, Object> munich() {
        return TestCalendars.office("de-by", "DE-BY", "08:00-17:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name       | De BY                  | name",
        "zone       | Europe/Munich          | zone",
        "monday     | 8:00-17:00             | monday",
        "tuesday    | 17:00-08:00            | tuesday",
        "wednesday  | 08:00-12:00,11:00-17:00| wednesday",
        "thursday   | 08:00-24:30            | thursday",
        "country    | XX                     | country",
        "region     | DE-XX                  | region",
        "region     | AT-9                   | region",
        "closingDays| 2026-02-30             | closingDays",
        "closingDays| 2026-12-31..2026-12-01 | closingDays",
        "mondays    | 08:00-17:00            | mondays"})
    void aBadValueIsRefusedNamingItsKey(String key, String value, String named) {
        Map<String, Object> properties = munich();
        properties.put(key, value);
        CalendarConfigurationException e = assertThrows(CalendarConfigurationException.class,
                () -> CalendarConfigurationParser.parse(properties, TestCalendars.HOLIDAYS));
        assertEquals(named, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith("key '" + named + "': "), e.getMessage());
    }

    @Test
    void aWeekWithoutHoursIsRefused() {
        Map<String, Object> properties = new HashMap<>(Map.of("name", "none", "zone", "UTC"));
        assertEquals("monday", assertThrows(CalendarConfigurationException.class,
                () -> CalendarConfigurationParser.parse(properties, TestCalendars.HOLIDAYS)).key());
        properties.remove("zone");
        properties.put("monday", "08:00-17:00");
        assertEquals("zone", assertThrows(CalendarConfigurationException.class,
                () -> CalendarConfigurationParser.parse(properties, TestCalendars.HOLIDAYS)).key());
    }

    @Test
    void readsWhatTheDistributionShips() throws Exception {
        Map<String, Object> properties = munich();
        properties.put("closingDays", "12-24, 12-31, 2026-12-28..2026-12-30");
        properties.put("saturday", "closed");
        properties.put("felix.fileinstall.filename", "file:/etc/org.atrium.calendar-de-by.cfg");
        properties.put("service.pid", "org.atrium.calendar.1234");
        CalendarDefinition definition = CalendarConfigurationParser.parse(properties, TestCalendars.HOLIDAYS);
        assertEquals("DE-BY", definition.holidayRegion());
        assertEquals(5, definition.closingDays().dates().size() + definition.closingDays().everyYear().size());
        properties.remove("region");
        assertEquals("DE", CalendarConfigurationParser.parse(properties, TestCalendars.HOLIDAYS).holidayRegion(), "a country alone");
    }

    @Test
    void aRefusedEditKeepsTheLastGoodState() {
        CalendarConfiguration configuration = new CalendarConfiguration(TestCalendars.HOLIDAYS, munich());
        BusinessCalendar good = configuration.calendar();
        assertEquals("de-by", good.name());

        Map<String, Object> split = munich();
        split.put("monday", "08:00-12:00, 13:00-17:00");
        configuration.modified(split);
        assertEquals(berlin("2026-03-02T14:00"), configuration.calendar().plus(berlin("2026-03-02T11:00"), Duration.ofHours(2)),
                "an edit takes effect");

        Map<String, Object> broken = munich();
        broken.put("monday", "eight to five");
        configuration.modified(broken);
        assertEquals(berlin("2026-03-02T14:00"), configuration.calendar().plus(berlin("2026-03-02T11:00"), Duration.ofHours(2)),
                "the refused edit changed nothing");
    }

    @Test
    void aConfigurationThatWasNeverGoodGivesNoCalendar() {
        Map<String, Object> broken = munich();
        broken.put("zone", "Mars/Olympus");
        assertNull(new CalendarConfiguration(TestCalendars.HOLIDAYS, broken).calendar());
    }

    @Test
    void theServiceFindsCalendarsByNameAndHas24x7BuiltIn() {
        BusinessCalendarsService calendars = new BusinessCalendarsService();
        assertEquals(List.of(BusinessCalendars.ALWAYS_OPEN), calendars.all().stream().map(BusinessCalendar::name).toList());
        CalendarConfiguration munich = new CalendarConfiguration(TestCalendars.HOLIDAYS, munich());
        calendars.add(munich);
        calendars.add(new CalendarConfiguration(TestCalendars.HOLIDAYS, TestCalendars.office("de-be", "DE-BE", "08:00-17:00")));
        assertEquals(List.of("24x7", "de-be", "de-by"), calendars.all().stream().map(BusinessCalendar::name).toList());
        assertEquals("Europe/Berlin", calendars.find("de-by").orElseThrow().zone().getId());
        assertTrue(calendars.find("de-hh").isEmpty());
        BusinessCalendar always = calendars.find("24x7").orElseThrow();
        assertEquals(berlin("2026-03-08T01:00"), always.plus(berlin("2026-03-07T23:00"), Duration.ofHours(2)));

        calendars.remove(munich);
        assertTrue(calendars.find("de-by").isEmpty(), "a deleted configuration takes its calendar away");
    }
}
