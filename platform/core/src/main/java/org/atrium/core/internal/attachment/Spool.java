package org.atrium.core.internal.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.atrium.api.ValidationException;
import org.atrium.api.attachment.AttachmentTooLargeException;

/**
 * An upload copied to a temporary file while it arrives: its size (refused as soon as it passes the
 * limit), its SHA-256 and its first bytes are known before the database is asked for anything, and the
 * file never sits in memory. The file is deleted on {@link #close}.
 */
final class Spool implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private final Path file;
    private final long size;
    private final String sha256;
    private final byte[] head;
    private final int headLength;

    private Spool(Path file, long size, String sha256, byte[] head, int headLength) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.head = head;
        this.headLength = headLength;
    }

    /** Reads {@code in} to its end; AttachmentTooLargeException (and no file left behind) past {@code maxBytes}. */
    static Spool of(InputStream in, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile("atrium-upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[ContentTypes.HEAD];
            int headLength = 0;
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw new AttachmentTooLargeException(maxBytes);
                    }
                    int toHead = Math.min(read, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, toHead);
                    headLength += toHead;
                    out.write(buffer, 0, read);
                }
            }
            Spool spool = new Spool(file, size, HexFormat.of().formatHex(digest.digest()), head, headLength);
            file = null;
            return spool;
        } catch (IOException e) {
            // the client's body broke off or was not well-formed: its fault, not the server's
            throw new ValidationException("file", "could not be read to its end: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    byte[] head() {
        return head;
    }

    int headLength() {
        return headLength;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
