package org.atrium.rest.internal.resource;

import java.time.Instant;
import java.util.Set;

import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.sla.SlaService;

/**
 * The query parameters of {@code /sla/at-risk} and {@code /sla/breaches} read strictly: an unknown
 * parameter, one given twice, an empty one or a value of the wrong form is a 400 naming it.
 */
record SlaParameters(String department, int limit, Instant from, Instant to) {

    static SlaParameters read(String path, MultivaluedMap<String, String> parameters, Set<String> known) {
        StrictParameters read = StrictParameters.check(path, parameters, known);
        int limit = read.limit(SlaService.DEFAULT_LIMIT, SlaService.MAX_LIMIT);
        Instant from = read.instant("from");
        Instant to = read.instant("to");
        read.done();
        return new SlaParameters(read.value("department"), limit, from, to);
    }
}
