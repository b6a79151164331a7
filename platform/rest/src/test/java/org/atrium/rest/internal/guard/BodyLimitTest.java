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
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        FakeRequest request = new FakeRequest("POST", "tickets");
        request.body = new ByteArrayInputStream(new byte[101]);
        limit.filter(request.context());
        assertNull(request.aborted);
        InputStream body = request.body;
        WebApplicationException refused = assertThrows(WebApplicationException.class, body::readAllBytes);
        assertEquals(413, refused.getResponse().getStatus());
        assertEquals(-1, body.read(), "refused once, then the stream ends (CXF drains multipart bodies before answering)");
    }

    @Test
    void anAttachmentUploadHasItsOwnLimitAndNamesTheFile() throws Exception {
        BodyLimit uploads = new BodyLimit(100, 1000);
        FakeRequest upload = new FakeRequest("POST", "tickets/IT-1/attachments").header("Content-Length", "900");
        upload.body = new ByteArrayInputStream(new byte[900]);
        uploads.filter(upload.context());
        assertNull(upload.aborted, "an attachment within its limit passes the general limit");
        assertEquals(900, upload.body.readAllBytes().length);
        FakeRequest tooLarge = new FakeRequest("POST", "tickets/IT-1/attachments").header("Content-Length", "2000000");
        uploads.filter(tooLarge.context());
        assertEquals(413, tooLarge.aborted.getStatus());
        assertEquals("file", ((Problem) tooLarge.aborted.getEntity()).errors().get(0).field());
        FakeRequest first = new FakeRequest("POST", "attachments").header("Content-Length", "900");
        first.body = new ByteArrayInputStream(new byte[900]);
        uploads.filter(first.context());
        assertNull(first.aborted, "an upload before its ticket (POST /attachments) has the same limit");
        FakeRequest cut = new FakeRequest("POST", "attachments").header("Content-Length", "900")
                .header("Content-Type", "multipart/form-data; boundary=b0");
        cut.body = new ByteArrayInputStream("--b0\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhalf a fi".getBytes());
        uploads.filter(cut.context());
        assertThrows(java.io.IOException.class, cut.body::readAllBytes, "a multipart body without its closing boundary broke off");
        FakeRequest json = new FakeRequest("POST", "tickets/IT-1/comments").header("Content-Length", "900");
        uploads.filter(json.context());
        assertEquals(413, json.aborted.getStatus(), "other paths keep the general limit");
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
