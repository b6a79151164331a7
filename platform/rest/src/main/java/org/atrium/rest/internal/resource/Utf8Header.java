package org.atrium.rest.internal.resource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Browsers (and curl) send a multipart part's {@code filename="..."} as raw UTF-8 bytes; CXF reads header
 * bytes as ISO-8859-1, so "März.pdf" arrives as "MÃ¤rz.pdf". A value whose characters are all single
 * bytes and which is well-formed UTF-8 as such bytes is decoded again; anything else is left as it came.
 */
final class Utf8Header {
    private Utf8Header() {
    }

    static String repaired(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value; // really ISO-8859-1 (an old client): keep it
        }
    }
}
