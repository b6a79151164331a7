package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueCursorTest {

    @Test
    void roundTrips() {
        for (QueueCursor cursor : List.of(new QueueCursor(1, 1), new QueueCursor(4, 123456789012345L),
                new QueueCursor(2, Long.MAX_VALUE), new QueueCursor(3, 0))) {
            String encoded = cursor.encode();
            assertTrue(encoded.matches("[A-Za-z0-9_-]+"), "URL-safe, unpadded: " + encoded);
            assertEquals(cursor, QueueCursor.decode(encoded));
        }
    }

    @Test
    void isOpaque() {
        String encoded = new QueueCursor(2, 17).encode();
        assertTrue(!encoded.contains("17") && !encoded.contains(":"), encoded);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "!!!", "not a cursor", "%%", "====", "MTox*"})
    void garbageIsAValidationError(String garbage) {
        assertRefused(garbage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1:", ":5", "a:b", "1:2:3", "1.5:2", " 1:2", "99999999999:1"})
    void wellEncodedNonsenseIsAValidationError(String plain) {
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(String cursor) {
        ValidationException e = assertThrows(ValidationException.class, () -> QueueCursor.decode(cursor));
        assertEquals(List.of("cursor"), e.errors().stream().map(FieldError::field).toList());
    }
}
