package org.atrium.hr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.atrium.api.calendar.Holiday;
import org.atrium.api.calendar.HolidayCalendar;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.FormContext;
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

    /** The context Atrium would give, as a partner's test builds it: a record implementing the interface. */
    private record Form(Person person, Map<String, Object> fields) implements FormContext {
        @Override
        public RequestType requestType() {
            return null;
        }

        @Override
        public Caller caller() {
            return Caller.of("anna");
        }

        @Override
        public boolean isCreate() {
            return true;
        }

        @Override
        public String requesterId() {
            return "anna";
        }

        @Override
        public Optional<Person> requester() {
            return Optional.ofNullable(person);
        }
    }

    private static FormContext form(Map<String, Object> fields) {
        return new Form(null, fields);
    }

    private Map<String, Object> leave(String from, String to, String state) {
        return Map.of("kind", "annual", "period", Map.of("from", from, "to", to), "state", state);
    }

    @Test
    void countsWeekdaysLessTheStatesHolidays() {
        // Mon 21 to Sun 27 Dec 2026: five weekdays
        assertEquals(Map.of("workingDays", 5), calculator.calculate(form(leave("2026-12-21", "2026-12-27", "DE-HH"))));
        assertEquals(Map.of("workingDays", 4), calculator.calculate(form(leave("2026-12-21", "2026-12-27", "DE-BY"))));
        assertEquals(Map.of("workingDays", 0), calculator.calculate(form(leave("2026-12-26", "2026-12-27", "DE-BY"))));
    }

    private static FormContext requesterIn(String region, Map<String, Object> fields) {
        Person person = new Person("anna", "Anna", null, "de", "sales", null, "DE", region, Set.of("employee"), true, null);
        return new Form(person, fields);
    }

    @Test
    void takesTheStateFromTheDirectoryWhenTheFormHasNone() {
        Map<String, Object> leave = Map.of("kind", "annual", "period", Map.of("from", "2026-12-21", "to", "2026-12-27"));
        assertEquals(Map.of("workingDays", 4), calculator.calculate(requesterIn("DE-BY", leave)));
        assertEquals(Map.of("workingDays", 5), calculator.calculate(requesterIn("DE-HH", leave)));
        assertEquals(Map.of(), calculator.calculate(requesterIn(null, leave)));
        assertEquals(Map.of(), calculator.calculate(form(leave)));
    }

    @Test
    void aVersionOneFormKeepsItsOwnState() {
        assertEquals(Map.of("workingDays", 5), calculator.calculate(requesterIn("DE-BY", leave("2026-12-21", "2026-12-27", "DE-HH"))));
    }

    @Test
    void theValidatorRefusesRequestersWithoutAKnownState() {
        EmployeeStateValidator validator = new EmployeeStateValidator(calendar);
        assertEquals(List.of(), validator.validate(requesterIn("DE-BY", Map.of())));
        assertEquals("requester", validator.validate(requesterIn(null, Map.of())).get(0).field());
        assertEquals("requester", validator.validate(requesterIn("DE-XX", Map.of())).get(0).field());
        assertEquals("requester", validator.validate(form(Map.of())).get(0).field());
    }

    @Test
    void computesNothingWithoutPeriodAndState() {
        assertEquals(Map.of(), calculator.calculate(form(Map.of("kind", "annual"))));
    }
}
