package org.atrium.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.atrium.api.ValidationException;
import org.atrium.api.ticket.NewTicket;
import org.junit.jupiter.api.Test;

/** Bodies must be well-formed UTF-8; a refusal names the member whose text holds the bad bytes. */
class StrictJsonProviderTest {
    private final StrictJsonProvider provider = new StrictJsonProvider(JsonMapping.objectMapper());

    private static byte[] bytes(String before, int[] bad, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < bad.length; i++) {
            all[head.length + i] = (byte) bad[i];
        }
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(byte[] body) throws Exception {
        return provider.readFrom((Class) NewTicket.class, NewTicket.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(body));
    }

    @Test
    void wellFormedUtf8IsAccepted() {
        assertEquals(-1, StrictJsonProvider.firstMalformedByte("plain ascii".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, StrictJsonProvider.firstMalformedByte("Grüße, 日本, 😀".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void overlongFormsSurrogatesAndStrayBytesAreFound() {
        assertEquals(1, StrictJsonProvider.firstMalformedByte(bytes("a", new int[] {0xC0, 0xAF}, ""))); // "/" in two bytes
        assertEquals(1, StrictJsonProvider.firstMalformedByte(bytes("a", new int[] {0xE0, 0x80, 0xAF}, ""))); // "/" in three
        assertEquals(0, StrictJsonProvider.firstMalformedByte(bytes("", new int[] {0xED, 0xA0, 0x80}, "x"))); // a lone surrogate
        assertEquals(2, StrictJsonProvider.firstMalformedByte(bytes("ab", new int[] {0xFF}, "")));
        assertEquals(0, StrictJsonProvider.firstMalformedByte(bytes("", new int[] {0xF4, 0x90, 0x80, 0x80}, ""))); // beyond U+10FFFF
        assertEquals(1, StrictJsonProvider.firstMalformedByte(bytes("a", new int[] {0xE2, 0x82}, ""))); // cut short at the end
    }

    @Test
    void aBadByteInAMembersTextIsRefusedNamingTheMember() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> read(bytes("{\"type\": \"it.incident\", \"summary\": \"a", new int[] {0xC0, 0xAF}, "b\"}")));
        assertEquals("summary", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).reason().startsWith("is not valid UTF-8: byte 0xC0 at offset"), refused.getMessage());
        refused = assertThrows(ValidationException.class,
                () -> read(bytes("{\"type\": \"x\", \"summary\": \"y\", \"fields\": {\"room\": \"", new int[] {0xFF}, "\"}}")));
        assertEquals("fields.room", refused.errors().get(0).field());
    }

    @Test
    void aBadByteOutsideAnyMemberNamesTheBody() {
        ValidationException refused = assertThrows(ValidationException.class, () -> read(bytes("", new int[] {0xFF}, "{}")));
        assertEquals("(body)", refused.errors().get(0).field());
    }

    @Test
    void aGoodBodyIsRead() throws Exception {
        NewTicket ticket = (NewTicket) read("{\"type\": \"it.incident\", \"summary\": \"Grüße\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Grüße", ticket.summary());
    }
}
