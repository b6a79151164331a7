package org.atrium.rest.internal.guard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.atrium.rest.internal.problem.Problem;

/**
 * Refuses a request body larger than the configured limit with 413, before anything reads it: at once
 * when {@code Content-Length} says so, otherwise (chunked) as soon as the reader passes the limit.
 * Runs before authentication, so an anonymous client cannot make the server buffer megabytes.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class BodyLimit implements ContainerRequestFilter {
    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            request.abortWith(tooLarge().getResponse());
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the container refuses a malformed length itself
        }
    }

    WebApplicationException tooLarge() {
        return new WebApplicationException("Request body larger than " + maxBytes + " bytes",
                Problem.of(413, "Payload Too Large", "The request body may hold at most " + maxBytes + " bytes").toResponse());
    }

    /** Counts what is read and fails past the limit; the exception passes the readers untouched (it is unchecked). */
    private final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) {
            remaining -= read;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
