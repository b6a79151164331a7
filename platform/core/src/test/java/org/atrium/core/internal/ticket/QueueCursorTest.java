package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueCursorTest {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00.123456Z");
    private static final CursorKey KEY = new CursorKey("this installation's key, 32 bytes".getBytes(StandardCharsets.UTF_8));
    private static final CursorKey OTHER = new CursorKey("another installation's key, 32 b".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTripsForEverySort() {
        for (QueueCursor cursor : List.of(new QueueCursor(QueueSort.PRIORITY, 1, 1),
                new QueueCursor(QueueSort.PRIORITY, 4, 123456789012345L), new QueueCursor(QueueSort.PRIORITY, 2, Long.MAX_VALUE),
                new QueueCursor(QueueSort.CREATED, AT, 0), new QueueCursor(QueueSort.CREATED_DESC, AT, 7),
                new QueueCursor(QueueSort.UPDATED, Instant.EPOCH, 3), new QueueCursor(QueueSort.UPDATED_DESC, AT, 9),
                new QueueCursor(QueueSort.SLA, AT, 11), new QueueCursor(QueueSort.SLA, null, 12))) {
            String encoded = cursor.encode(KEY);
            assertTrue(encoded.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "URL-safe, unpadded, signed: " + encoded);
            assertEquals(cursor, QueueCursor.decode(encoded, cursor.sort(), KEY));
        }
    }

    @Test
    void isOpaque() {
        String encoded = new QueueCursor(QueueSort.PRIORITY, 2, 17).encode(KEY);
        assertTrue(!encoded.contains("17") && !encoded.contains("|"), encoded);
    }

    @Test
    void belongsToItsSort() {
        String byCreation = new QueueCursor(QueueSort.CREATED, AT, 5).encode(KEY);
        ValidationException e = assertThrows(ValidationException.class, () -> QueueCursor.decode(byCreation, QueueSort.PRIORITY, KEY));
        assertEquals(List.of("cursor"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).reason().contains("sort=created"), e.errors().get(0).reason());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "!!!", "not a cursor", "%%", "====", "MTox*"})
    void garbageIsAValidationError(String garbage) {
        assertRefused(garbage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "priority|1", "priority||5", "priority|a|b", "priority|1|2|3", "priority|1.5|2",
            "priority| 1|2", "priority|99999999999|1", "created|yesterday|1", "nosuch|1|1", "|1|1", "created|1|1",
            "created||1", "sla|soon|1", "sla||x"})
    void wellEncodedNonsenseIsAValidationError(String plain) {
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        assertRefused(signed(plain, KEY)); // even signed by this server, which never hands such out
    }

    @Test
    void aCursorTheServerDidNotHandOutIsRefused() {
        String genuine = new QueueCursor(QueueSort.PRIORITY, 2, 17).encode(KEY);
        assertEquals(new QueueCursor(QueueSort.PRIORITY, 2, 17), QueueCursor.decode(genuine, QueueSort.PRIORITY, KEY));
        assertRefused(signed("priority|2|16", OTHER)); // signed with another installation's key
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("priority|2|16".getBytes(StandardCharsets.UTF_8))
                + genuine.substring(genuine.indexOf('.')); // a genuine signature on another position
        assertRefused(forged);
        assertRefused(genuine.substring(0, genuine.indexOf('.'))); // the signature left off
        assertRefused(genuine.substring(0, genuine.length() - 2)); // cut short
    }

    private static String signed(String plain, CursorKey key) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(key.sign(plain));
    }

    private static void assertRefused(String cursor) {
        QueueSort sort = cursor != null && cursor.startsWith(Base64.getUrlEncoder().withoutPadding()
                .encodeToString("created|1|1".getBytes(StandardCharsets.UTF_8))) ? QueueSort.CREATED : QueueSort.PRIORITY;
        ValidationException e = assertThrows(ValidationException.class, () -> QueueCursor.decode(cursor, sort, KEY));
        assertEquals(List.of("cursor"), e.errors().stream().map(FieldError::field).toList());
    }
}
