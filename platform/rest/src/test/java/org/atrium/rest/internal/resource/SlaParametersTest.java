package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.sla.SlaService;
import org.junit.jupiter.api.Test;

/** /sla/at-risk and /sla/breaches read their query parameters strictly. */
class SlaParametersTest {
    private static final Set<String> BREACHES = Set.of("department", "from", "to", "limit");

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> refused(Set<String> known, String... pairs) {
        ValidationException e = assertThrows(ValidationException.class, () -> SlaParameters.read("/sla/breaches", parameters(pairs), known));
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void readsInstantsDatesAndTheLimit() {
        SlaParameters read = SlaParameters.read("/sla/breaches", parameters("department", "it", "from", "2026-03-01", "to",
                "2026-03-09T07:00:00Z", "limit", "7"), BREACHES);
        assertEquals("it", read.department());
        assertEquals(Instant.parse("2026-03-09T07:00:00Z"), read.to());
        assertEquals(LocalDate.of(2026, 3, 1).atStartOfDay(ZoneId.systemDefault()).toInstant(), read.from());
        assertEquals(7, read.limit());
        assertEquals(SlaService.DEFAULT_LIMIT, SlaParameters.read("/sla/at-risk", parameters("department", "it"), BREACHES).limit());
    }

    @Test
    void namesEveryBadParameter() {
        assertEquals(List.of("from"), refused(Set.of("department", "limit"), "department", "it", "from", "2026-03-01"));
        assertEquals(List.of("department"), refused(BREACHES, "department", "it", "department", "hr"));
        assertEquals(List.of("department"), refused(BREACHES, "department", " "));
        assertEquals(List.of("limit"), refused(BREACHES, "limit", "ten"));
        assertEquals(List.of("limit"), refused(BREACHES, "limit", "1e3"));
        assertEquals(List.of("from", "to"), refused(BREACHES, "from", "yesterday", "to", "2026-02-30"));
        assertEquals(List.of("to"), refused(BREACHES, "to", "2026-03-01T25:00:00Z"));
    }
}
