package org.atrium.hr.internal;

import java.time.LocalDate;
import java.util.Map;

import org.atrium.api.calendar.HolidayCalendar;
import org.atrium.api.spi.Extension;
import org.atrium.api.spi.FieldCalculator;
import org.atrium.api.spi.FormContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * hr.working-days: the working days a leave request takes, Monday to Friday less the public
 * holidays of the employee's state. Computed on the server so that no one counts by hand.
 * Reads the field {@code period} (date range) and writes {@code workingDays}. The state (e.g. DE-BY) is the
 * requester's region in the directory; tickets of schema version 1, which asked for it, keep their
 * {@code state} field and are counted by that.
 */
@Component(service = FieldCalculator.class)
@Extension(name = WorkingDaysCalculator.NAME)
public class WorkingDaysCalculator implements FieldCalculator {
    static final String NAME = "hr.working-days";
    private final HolidayCalendar holidays;

    @Activate
    public WorkingDaysCalculator(@Reference HolidayCalendar holidays) {
        this.holidays = holidays;
    }

    @Override
    public Map<String, Object> calculate(FormContext context) {
        Map<String, Object> fields = context.fields();
        String state = state(context, fields);
        if (!(fields.get("period") instanceof Map<?, ?> period) || state == null || !holidays.knows(state)) {
            return Map.of();
        }
        LocalDate from = LocalDate.parse(period.get("from").toString());
        LocalDate to = LocalDate.parse(period.get("to").toString());
        return Map.of("workingDays", holidays.workingDays(state, from, to));
    }

    /** The form's own state (version 1), else the requester's region from the directory. */
    private static String state(FormContext context, Map<String, Object> fields) {
        if (fields.get("state") instanceof String state) {
            return state;
        }
        return context.requester().map(person -> person.region()).orElse(null);
    }
}
