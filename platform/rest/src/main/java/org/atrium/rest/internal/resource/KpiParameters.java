package org.atrium.rest.internal.resource;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.kpi.KpiQuery;

/** The query parameters of {@code GET /kpis}, read strictly: unknown ones and dates that are not ISO dates are named in a 400. */
final class KpiParameters {
    static final Set<String> NAMES = Set.of("department", "type", "priority", "period", "from", "to", "zone");

    private KpiParameters() {
    }

    static KpiQuery read(String path, MultivaluedMap<String, String> parameters) {
        StrictParameters p = StrictParameters.check(path, parameters, NAMES);
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(p, "from", errors);
        LocalDate to = date(p, "to", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new KpiQuery(p.value("department"), p.value("type"), p.value("priority"), p.value("period"), from, to, p.value("zone"));
    }

    private static LocalDate date(StrictParameters p, String name, List<FieldError> errors) {
        String text = p.value(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
