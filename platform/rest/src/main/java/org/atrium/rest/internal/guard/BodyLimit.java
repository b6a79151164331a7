package org.atrium.rest.internal.guard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.atrium.api.FieldError;
import org.atrium.rest.internal.problem.Problem;

/**
 * Refuses a request body larger than the configured limit with 413, before anything reads it: at once
 * when {@code Content-Length} says so, otherwise (chunked) as soon as the reader passes the limit.
 * Runs before authentication, so an anonymous client cannot make the server buffer megabytes.
 * An attachment upload ({@code POST /tickets/{key}/attachments}) has its own, larger limit: the largest
 * attachment plus room for the multipart headers; its 413 names the part {@code file}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class BodyLimit implements ContainerRequestFilter {
    /** What a multipart body may carry besides the file: boundaries and part headers. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** A ticket's uploads and those before the ticket exists (POST /attachments). */
    private static final Pattern UPLOAD = Pattern.compile("/?(tickets/[^/]+/)?attachments/?");
    private final long maxBytes;
    private final long maxAttachmentBytes;

    public BodyLimit(long maxBytes) {
        this(maxBytes, 0);
    }

    /** @param maxAttachmentBytes the largest attachment (0: uploads get the general limit) */
    public BodyLimit(long maxBytes, long maxAttachmentBytes) {
        this.maxBytes = maxBytes;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean upload = maxAttachmentBytes > 0 && "POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getUriInfo().getPath()).matches();
        long limit = upload ? maxAttachmentBytes + MULTIPART_OVERHEAD : maxBytes;
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length, limit)) {
            request.abortWith(tooLarge(upload).getResponse());
            return;
        }
        // an upload must end with its closing boundary, else it broke off (MultipartEnd)
        InputStream body = upload ? MultipartEnd.watched(request.getEntityStream(), request.getMediaType()) : request.getEntityStream();
        request.setEntityStream(new Limited(body, limit, upload));
    }

    private static boolean declaredTooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the container refuses a malformed length itself
        }
    }

    WebApplicationException tooLarge() {
        return tooLarge(false);
    }

    private WebApplicationException tooLarge(boolean upload) {
        if (upload) {
            Problem problem = new Problem("about:blank", "Payload Too Large", 413, "An attachment may hold at most " + maxAttachmentBytes + " bytes",
                    List.of(new FieldError("file", "must be at most " + maxAttachmentBytes + " bytes")), (Long) null);
            return new WebApplicationException("Attachment larger than " + maxAttachmentBytes + " bytes", problem.toResponse());
        }
        return new WebApplicationException("Request body larger than " + maxBytes + " bytes",
                Problem.of(413, "Payload Too Large", "The request body may hold at most " + maxBytes + " bytes").toResponse());
    }

    /**
     * Counts what is read and fails past the limit; the exception passes the readers untouched (it is unchecked).
     * It fails once: after that the stream ends, so that CXF, which drains a multipart request's remaining parts
     * before it writes the answer, writes the 413 instead of failing again (and answering an empty 200).
     */
    private final class Limited extends FilterInputStream {
        private long remaining;
        private final boolean upload;

        Limited(InputStream in, long limit, boolean upload) {
            super(in);
            this.remaining = limit;
            this.upload = upload;
        }

        private boolean refused;

        @Override
        public int read() throws IOException {
            if (refused) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (refused) {
                return -1;
            }
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) {
            remaining -= read;
            if (remaining < 0) {
                refused = true;
                throw tooLarge(upload);
            }
        }
    }
}
