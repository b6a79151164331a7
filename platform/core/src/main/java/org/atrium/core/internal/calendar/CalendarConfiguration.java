package org.atrium.core.internal.calendar;

import java.util.Map;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.HolidayCalendar;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One business calendar from a factory configuration {@code org.atrium.calendar-<name>} (the file
 * {@code etc/org.atrium.calendar-<name>.cfg}). An edit takes effect at once ({@link Modified}, so
 * the component and the services using it stay up); an edit that is refused is logged with the
 * key at fault and the calendar keeps its last good state. Immediate, so that a file is checked
 * (and its refusal logged) when it is saved, not when an SLA clock first asks.
 */
@Component(service = CalendarConfiguration.class, configurationPid = CalendarConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class CalendarConfiguration {
    public static final String PID = "org.atrium.calendar";
    private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);
    private final HolidayCalendar holidays;
    private volatile WorkingTimeCalendar calendar;

    @Activate
    public CalendarConfiguration(@Reference HolidayCalendar holidays, Map<String, Object> properties) {
        this.holidays = holidays;
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    /** The calendar as last configured well; null while the configuration never was. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    private void apply(Map<String, Object> properties) {
        Object source = properties.getOrDefault("felix.fileinstall.filename", properties.getOrDefault("service.pid", properties.get("name")));
        try {
            CalendarDefinition definition = CalendarConfigurationParser.parse(properties, holidays);
            WorkingTimeCalendar previous = calendar;
            calendar = new WorkingTimeCalendar(definition, holidays);
            LOG.info("Business calendar {} {}: {}", definition.name(), previous == null ? "configured" : "changed", calendar);
        } catch (CalendarConfigurationException e) {
            BusinessCalendar kept = calendar;
            LOG.error("Business calendar configuration {} refused: {}; {}", source, e.getMessage(),
                    kept == null ? "no calendar from it until it is corrected"
                            : "calendar " + kept.name() + " keeps its last good state");
        }
    }
}
