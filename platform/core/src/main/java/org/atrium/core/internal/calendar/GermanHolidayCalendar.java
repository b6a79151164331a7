package org.atrium.core.internal.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.atrium.api.calendar.Holiday;
import org.atrium.api.calendar.HolidayCalendar;
import org.osgi.service.component.annotations.Component;

/** The default holiday calendar: the German states, computed once per state and year. */
@Component(service = HolidayCalendar.class)
public class GermanHolidayCalendar implements HolidayCalendar {
    private record StateYear(String state, int year) {
    }

    private final Map<StateYear, List<Holiday>> byStateYear = new ConcurrentHashMap<>();
    private final Map<StateYear, Set<LocalDate>> datesByStateYear = new ConcurrentHashMap<>();

    @Override
    public Set<String> regions() {
        return GermanHolidays.STATES;
    }

    @Override
    public List<Holiday> holidays(String region, int year) {
        return byStateYear.computeIfAbsent(new StateYear(region, year), key -> GermanHolidays.of(key.state(), key.year()));
    }

    @Override
    public boolean isHoliday(String region, LocalDate date) {
        return datesByStateYear.computeIfAbsent(new StateYear(region, date.getYear()),
                key -> holidays(key.state(), key.year()).stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet()))
                .contains(date);
    }
}
