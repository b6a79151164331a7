package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.junit.jupiter.api.Test;

class StrictParametersTest {
    private static final Set<String> SINGLE = Set.of("limit", "from", "flag");
    private static final Set<String> MULTIPLE = Set.of("status");

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static StrictParameters check(String... pairs) {
        return StrictParameters.check("/things", parameters(pairs), SINGLE, MULTIPLE);
    }

    private static List<FieldError> refused(Runnable reading) {
        return assertThrows(ValidationException.class, reading::run).errors();
    }

    @Test
    void anUnknownParameterIsRefusedNamingTheKnownOnesInOrder() {
        List<FieldError> errors = refused(() -> check("sort", "x"));
        assertEquals(List.of(new FieldError("sort", "is not a query parameter of /things; they are flag, from, limit, status")), errors);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefusedARepeatableOneIsNot() {
        assertEquals(List.of(new FieldError("limit", "may be given once")), refused(() -> check("limit", "1", "limit", "2")));
        assertEquals(List.of("new", "in-progress", "waiting"), check("status", "new", "status", "in-progress, waiting").values("status"));
    }

    @Test
    void anEmptyValueIsRefusedAlsoAmongRepeatedOnes() {
        assertEquals(List.of(new FieldError("from", "needs a value")), refused(() -> check("from", " ")));
        assertEquals(List.of(new FieldError("status", "needs a value")), refused(() -> check("status", "new", "status", "")));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        List<String> fields = refused(() -> check("sort", "x", "limit", "1", "limit", "2")).stream().map(FieldError::field).sorted().toList();
        assertEquals(List.of("limit", "sort"), fields);
    }

    @Test
    void valuesOfTheWrongFormAreNamedTogetherInTheOrderRead() {
        StrictParameters read = check("limit", "many", "from", "yesterday", "flag", "maybe");
        assertEquals(7, read.limit(7, 100), "the default while the value is refused");
        assertNull(read.instant("from"));
        assertFalse(read.flag("flag"));
        List<FieldError> errors = refused(read::done);
        assertEquals(List.of(new FieldError("limit", "must be a whole number between 1 and 100"),
                new FieldError("from", "must be a date (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:MM:SSZ)"),
                new FieldError("flag", "must be true or false")), errors);
    }

    @Test
    void readsWellFormedValuesAndDefaults() {
        StrictParameters read = check("limit", "20", "from", "2026-03-01", "flag", "true");
        assertEquals(20, read.limit(7, 100));
        assertEquals(LocalDate.parse("2026-03-01").atStartOfDay(ZoneId.systemDefault()).toInstant(), read.instant("from"));
        assertTrue(read.flag("flag"));
        read.done();

        StrictParameters none = check();
        assertEquals(7, none.limit(7, 100));
        assertNull(none.instant("from"));
        assertNull(none.value("from"));
        assertFalse(none.flag("flag"));
        assertEquals(List.of(), none.values("status"));
        none.done();
        assertEquals(Instant.parse("2026-03-01T07:00:00Z"), check("from", "2026-03-01T07:00:00Z").instant("from"));
    }
}
