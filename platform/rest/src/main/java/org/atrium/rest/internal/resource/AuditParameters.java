package org.atrium.rest.internal.resource;

import java.time.Instant;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;

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
        StrictParameters read = StrictParameters.check("/audit", parameters, KNOWN);
        int limit = read.limit(AuditQuery.DEFAULT_LIMIT, AuditQuery.MAX_LIMIT);
        Instant from = read.instant("from");
        Instant to = read.instant("to");
        read.done();
        return new AuditQuery(from, to, read.value("actor"), read.value("action"), limit, read.value("cursor"));
    }
}
