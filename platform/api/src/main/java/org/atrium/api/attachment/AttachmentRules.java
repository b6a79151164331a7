package org.atrium.api.attachment;

import java.util.Set;

/**
 * What an installation accepts (org.atrium.rest.cfg: maxAttachmentBytes, attachmentContentTypes).
 *
 * @param maxBytes     the largest file, in bytes
 * @param contentTypes the media types accepted (lower case, no parameters)
 */
public record AttachmentRules(long maxBytes, Set<String> contentTypes) {
    public AttachmentRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        contentTypes = Set.copyOf(contentTypes);
    }
}
