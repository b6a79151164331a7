package org.atrium.rest.internal.guard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;

/**
 * A multipart body that ends before its closing boundary ({@code --boundary--}) broke off: CXF would hand
 * the parts over as they came, and a truncated file would be stored. This stream watches for the closing
 * boundary (a KMP matcher: constant work per byte) and fails the read that reaches the end without it, so
 * the upload is refused (400 naming {@code file}) and nothing is stored. Once: the reads after it end, so that
 * CXF, which drains the rest of a multipart body before it answers, can send the 400.
 */
final class MultipartEnd extends FilterInputStream {
    private final byte[] closing;
    private final int[] fallback;
    private int matched;
    private boolean seen;
    private boolean reported;

    private MultipartEnd(InputStream in, String boundary) {
        super(in);
        this.closing = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
        this.fallback = fallback(closing);
    }

    /** The body, watched when it is multipart with a boundary; otherwise as it is (the resource refuses it). */
    static InputStream watched(InputStream body, MediaType type) {
        String boundary = type == null || !"multipart".equalsIgnoreCase(type.getType()) ? null : type.getParameters().get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            return body;
        }
        if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        return new MultipartEnd(body, boundary);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            return ended();
        }
        advance((byte) b);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            return ended();
        }
        for (int i = 0; i < n && !seen; i++) {
            advance(buffer[offset + i]);
        }
        return n;
    }

    /** Fails the first read that finds the end without the closing boundary; later reads just end (CXF drains the body before answering). */
    private int ended() throws IOException {
        if (!seen && !reported) {
            reported = true;
            throw new IOException("the body ends before its closing boundary: the upload broke off, send it again");
        }
        return -1;
    }

    private void advance(byte b) {
        if (seen) {
            return;
        }
        while (matched > 0 && closing[matched] != b) {
            matched = fallback[matched - 1];
        }
        if (closing[matched] == b) {
            matched++;
        }
        if (matched == closing.length) {
            seen = true;
        }
    }

    /** KMP failure function: the longest proper prefix of the pattern that is also a suffix of pattern[0..i]. */
    private static int[] fallback(byte[] pattern) {
        int[] table = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = table[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }
}
