package org.atrium.rest.internal.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.audit.AuditQuery;

/**
 * The query parameters of {@code GET /audit} read strictly: an unknown parameter, one given twice,
 * an empty one or a value of the wrong form is a 400 naming it.
 */
final class AuditParameters {
    static final Set<String> KNOWN = Set.of("from", "to", "actor", "action", "limit", "cursor");

    private AuditParameters() {
    }

    static AuditQuery read(MultivaluedMap<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError(name, "is not a query parameter of /audit; they are " + String.join(", ", KNOWN.stream().sorted().toList())));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            } else if (parameter.getValue().get(0) == null || parameter.getValue().get(0).isBlank()) {
                errors.add(new FieldError(name, "needs a value"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int limit = AuditQuery.DEFAULT_LIMIT;
        String limitText = parameters.getFirst("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number between 1 and " + AuditQuery.MAX_LIMIT));
            }
        }
        Instant from = SlaParameters.instant("from", parameters.getFirst("from"), errors);
        Instant to = SlaParameters.instant("to", parameters.getFirst("to"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AuditQuery(from, to, parameters.getFirst("actor"), parameters.getFirst("action"), limit, parameters.getFirst("cursor"));
    }
}
