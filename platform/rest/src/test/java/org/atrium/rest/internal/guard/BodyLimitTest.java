package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;

import org.atrium.rest.internal.problem.Problem;
import org.junit.jupiter.api.Test;

class BodyLimitTest {
    private final BodyLimit limit = new BodyLimit(100);

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
        FakeRequest request = new FakeRequest("POST", "tickets").header("Content-Length", "12000000");
        limit.filter(request.context());
        assertEquals(413, request.aborted.getStatus());
        assertEquals(Problem.MEDIA, request.aborted.getMediaType());
        assertEquals("The request body may hold at most 100 bytes", ((Problem) request.aborted.getEntity()).detail());
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        FakeRequest request = new FakeRequest("POST", "tickets");
        request.body = new ByteArrayInputStream(new byte[101]);
        limit.filter(request.context());
        assertNull(request.aborted);
        InputStream body = request.body;
        WebApplicationException refused = assertThrows(WebApplicationException.class, body::readAllBytes);
        assertEquals(413, refused.getResponse().getStatus());
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        FakeRequest request = new FakeRequest("POST", "tickets").header("Content-Length", "100");
        request.body = new ByteArrayInputStream(new byte[100]);
        limit.filter(request.context());
        assertNull(request.aborted);
        assertArrayEquals(new byte[100], request.body.readAllBytes());
    }
}
