package org.atrium.api.attachment;

import java.util.Set;

/**
 * What an installation accepts (org.atrium.rest.cfg: maxAttachmentBytes, attachmentContentTypes).
 *
 * @param maxBytes     the largest file, in bytes
 * @param contentTypes the media types accepted (lower case, no parameters)
 */
public record AttachmentRules(long maxBytes, Set<String> contentTypes) {
    /** 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** PDF, PNG, JPEG, GIF, WebP, plain text, CSV, Office documents (binary and OOXML) and OpenDocument (ODF). */
    public static final Set<String> DEFAULT_CONTENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
            "text/plain", "text/csv", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");
    public AttachmentRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        contentTypes = Set.copyOf(contentTypes);
    }
}
