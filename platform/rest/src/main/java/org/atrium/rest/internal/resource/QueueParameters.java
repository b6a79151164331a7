package org.atrium.rest.internal.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.ticket.TicketQuery;

/**
 * The query parameters of {@code GET /tickets} read strictly: an unknown parameter, a single-valued
 * one given twice, or a value of the wrong form is a 400 naming the parameter, never silently
 * ignored. {@code status} and {@code category} take several values, repeated
 * ({@code status=new&status=in-progress}) or comma-separated ({@code status=new,in-progress}).
 */
final class QueueParameters {
    static final Set<String> SINGLE = Set.of("department", "assignee", "requester", "group", "unassigned", "sort", "limit", "cursor");
    static final Set<String> MULTIPLE = Set.of("status", "category");

    private QueueParameters() {
    }

    static TicketQuery read(MultivaluedMap<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new TreeSet<>(SINGLE);
        known.addAll(MULTIPLE);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a query parameter of /tickets; they are " + String.join(", ", known)));
            } else if (SINGLE.contains(name) && parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            } else if (parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                errors.add(new FieldError(name, "needs a value"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean unassigned = false;
        String flag = parameters.getFirst("unassigned");
        if (flag != null && !flag.equals("true") && !flag.equals("false")) {
            errors.add(new FieldError("unassigned", "must be true or false"));
        } else {
            unassigned = "true".equals(flag);
        }
        int limit = TicketQuery.DEFAULT_LIMIT;
        String limitText = parameters.getFirst("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number between 1 and " + TicketQuery.MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TicketQuery(parameters.getFirst("department"), several(parameters, "status"), several(parameters, "category"),
                parameters.getFirst("assignee"), parameters.getFirst("requester"), parameters.getFirst("group"), unassigned,
                parameters.getFirst("sort"), limit, parameters.getFirst("cursor"));
    }

    private static List<String> several(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null ? List.of()
                : values.stream().flatMap(value -> Arrays.stream(value.split(",", -1))).map(String::strip).toList();
    }
}
