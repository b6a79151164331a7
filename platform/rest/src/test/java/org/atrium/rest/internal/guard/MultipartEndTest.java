package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class MultipartEndTest {
    private static final MediaType FORM = new MediaType("multipart", "form-data", Map.of("boundary", "xYz-1"));
    private static final String PART = "--xYz-1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello";

    private static byte[] readAll(String body, MediaType type) throws IOException {
        try (InputStream in = MultipartEnd.watched(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), type)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aBodyWithItsClosingBoundaryReadsAsItCame() throws IOException {
        String whole = PART + "\r\n--xYz-1--\r\n";
        assertArrayEquals(whole.getBytes(StandardCharsets.ISO_8859_1), readAll(whole, FORM));
        // an epilogue after the closing boundary is allowed (RFC 2046)
        readAll(whole + "trailing epilogue", FORM);
        // a quoted boundary parameter
        readAll(whole, new MediaType("multipart", "form-data", Map.of("boundary", "\"xYz-1\"")));
        // the boundary's prefix repeated just before it: the matcher falls back, does not miss it
        readAll(PART + "\r\n--xYz---xYz-1--", FORM);
    }

    @Test
    void aBodyThatBreaksOffBeforeItsClosingBoundaryFailsItsLastRead() throws IOException {
        for (String cut : new String[] {PART, PART + "\r\n--xYz-1", PART + "\r\n--xYz-1-", PART + "\r\n--xYz-1\r\n"}) {
            IOException e = assertThrows(IOException.class, () -> readAll(cut, FORM), cut);
            assertTrue(e.getMessage().contains("closing boundary"));
        }
        InputStream in = MultipartEnd.watched(new ByteArrayInputStream(PART.getBytes(StandardCharsets.ISO_8859_1)), FORM);
        assertThrows(IOException.class, () -> {
            while (in.read() >= 0) {
                // byte by byte, as a parser may read
            }
        });
        // refused once; CXF drains the rest before it answers, and must not fail again (the 400 would become a 500)
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[10], 0, 10));
    }

    @Test
    void otherBodiesAreNotWatched() {
        InputStream body = new ByteArrayInputStream(new byte[0]);
        assertSame(body, MultipartEnd.watched(body, MediaType.APPLICATION_JSON_TYPE));
        assertSame(body, MultipartEnd.watched(body, null));
        assertSame(body, MultipartEnd.watched(body, MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
