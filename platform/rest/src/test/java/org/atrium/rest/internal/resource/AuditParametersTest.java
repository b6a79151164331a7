package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.audit.AuditQuery;
import org.junit.jupiter.api.Test;

class AuditParametersTest {

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> refused(String... pairs) {
        return assertThrows(ValidationException.class, () -> AuditParameters.read(parameters(pairs))).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void readsEveryParameter() {
        AuditQuery query = AuditParameters.read(parameters("from", "2026-03-01T00:00:00Z", "to", "2026-03-02T00:00:00Z",
                "actor", "ina", "action", "updated", "limit", "10", "cursor", "abc"));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), query.to());
        assertEquals("ina", query.actor());
        assertEquals("updated", query.action());
        assertEquals(10, query.limit());
        assertEquals("abc", query.cursor());
    }

    @Test
    void defaultsToTheLatestFifty() {
        AuditQuery query = AuditParameters.read(parameters());
        assertEquals(AuditQuery.DEFAULT_LIMIT, query.limit());
        assertNull(query.from());
        assertNull(query.to());
    }

    @Test
    void namesEveryBadParameter() {
        assertEquals(List.of("sort"), refused("sort", "x"));
        assertEquals(List.of("limit"), refused("limit", "1", "limit", "2"));
        assertEquals(List.of("actor"), refused("actor", " "));
        assertEquals(List.of("limit", "from"), refused("limit", "many", "from", "yesterday"));
    }
}
