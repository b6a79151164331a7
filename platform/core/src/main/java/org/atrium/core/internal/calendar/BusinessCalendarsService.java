package org.atrium.core.internal.calendar;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.BusinessCalendars;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The calendars of the configurations present now, plus the built-in 24x7 unless a configuration
 * of that name replaces it. Two configurations with one name: the older one counts.
 */
@Component(service = BusinessCalendars.class)
public final class BusinessCalendarsService implements BusinessCalendars {
    private static final BusinessCalendar ALWAYS = new WorkingTimeCalendar(CalendarDefinition.alwaysOpen(ALWAYS_OPEN), null);
    private final List<CalendarConfiguration> configurations = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void add(CalendarConfiguration configuration) {
        configurations.add(configuration);
    }

    public void remove(CalendarConfiguration configuration) {
        configurations.remove(configuration);
    }

    @Override
    public Optional<BusinessCalendar> find(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    @Override
    public List<BusinessCalendar> all() {
        return byName().values().stream().sorted(Comparator.comparing(BusinessCalendar::name)).toList();
    }

    private Map<String, BusinessCalendar> byName() {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        configurations.stream().map(CalendarConfiguration::calendar).filter(Objects::nonNull)
                .forEach(calendar -> calendars.putIfAbsent(calendar.name(), calendar));
        calendars.putIfAbsent(ALWAYS_OPEN, ALWAYS);
        return calendars;
    }
}
