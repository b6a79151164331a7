package org.atrium.api.attachment;

/**
 * An attachment about to be downloaded.
 *
 * @param fileName the sanitised name for Content-Disposition (no path, no control or shell characters)
 */
public record AttachmentDownload(Attachment attachment, String fileName) {
}
