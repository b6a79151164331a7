package org.atrium.api.attachment;

import java.io.InputStream;

/**
 * One file to attach, as the client sent it: the service reads {@code content} once, to its end (or
 * until it passes the limit), and does not close it.
 *
 * @param fileName    the file's name from the client (any path in it is dropped)
 * @param contentType the media type the client claims; the first bytes must match it
 */
public record AttachmentUpload(String fileName, String contentType, InputStream content) {
}
