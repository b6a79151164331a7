package org.atrium.hr.internal;

import java.util.List;
import java.util.Optional;

import org.atrium.api.FieldError;
import org.atrium.api.calendar.HolidayCalendar;
import org.atrium.api.spi.Extension;
import org.atrium.api.spi.FormContext;
import org.atrium.api.spi.RequestValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * hr.employee-state: a leave request (schema version 2 on) counts working days by the requester's
 * German state from the directory, so the requester must be in the directory with a state the
 * holiday calendar knows. Refused otherwise, naming {@code requester}, rather than counting wrongly.
 */
@Component(service = RequestValidator.class)
@Extension(name = EmployeeStateValidator.NAME)
public class EmployeeStateValidator implements RequestValidator {
    static final String NAME = "hr.employee-state";
    private final HolidayCalendar holidays;

    @Activate
    public EmployeeStateValidator(@Reference HolidayCalendar holidays) {
        this.holidays = holidays;
    }

    @Override
    public List<FieldError> validate(FormContext context) {
        Optional<String> region = context.requester().map(person -> person.region());
        if (region.isEmpty() || region.get() == null) {
            return List.of(new FieldError("requester", "has no German state in the directory; ask HR to add it"));
        }
        if (!holidays.knows(region.get())) {
            return List.of(new FieldError("requester", "works in " + region.get()
                    + " according to the directory, a region without a holiday calendar; ask HR to correct it"));
        }
        return List.of();
    }
}
