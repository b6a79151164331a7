package org.atrium.api.attachment;

import java.time.Instant;

/**
 * A file attached to a ticket (its metadata; the bytes are read with
 * {@link AttachmentService#copyContent}).
 *
 * @param fileName the name the uploader gave, for display (the download's Content-Disposition uses a sanitised form)
 * @param sha256   the SHA-256 of the bytes, lower-case hex
 */
public record Attachment(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
        Instant uploadedAt) {
}
