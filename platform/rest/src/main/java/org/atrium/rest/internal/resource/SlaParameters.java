package org.atrium.rest.internal.resource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.sla.SlaService;

/**
 * The query parameters of {@code /sla/at-risk} and {@code /sla/breaches} read strictly: an unknown
 * parameter, one given twice, an empty one or a value of the wrong form is a 400 naming it.
 */
record SlaParameters(String department, int limit, Instant from, Instant to) {

    static SlaParameters read(String path, MultivaluedMap<String, String> parameters, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a query parameter of " + path + "; they are " + String.join(", ", known.stream().sorted().toList())));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            } else if (parameter.getValue().get(0) == null || parameter.getValue().get(0).isBlank()) {
                errors.add(new FieldError(name, "needs a value"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int limit = SlaService.DEFAULT_LIMIT;
        String limitText = parameters.getFirst("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number between 1 and " + SlaService.MAX_LIMIT));
            }
        }
        Instant from = instant("from", parameters.getFirst("from"), errors);
        Instant to = instant("to", parameters.getFirst("to"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SlaParameters(parameters.getFirst("department"), limit, from, to);
    }

    /** An instant ({@code 2026-03-09T07:00:00Z}) or a date ({@code 2026-03-09}: its start in the server's time zone). */
    static Instant instant(String name, String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be a date (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:MM:SSZ)"));
            return null;
        }
    }
}
