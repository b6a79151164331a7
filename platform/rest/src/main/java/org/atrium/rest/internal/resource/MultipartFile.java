package org.atrium.rest.internal.resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxrs.ext.MessageContext;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.ContentDisposition;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.apache.cxf.jaxrs.utils.multipart.AttachmentUtils;
import org.atrium.api.ValidationException;
import org.atrium.api.attachment.AttachmentUpload;

/**
 * The one part named {@code file} of a {@code multipart/form-data} upload (both upload endpoints), handed to
 * the attachment service as a stream. Other parts (a browser's form may send more) are ignored.
 */
final class MultipartFile {
    static final String PART = "file";

    /** What the service stores from the upload. */
    @FunctionalInterface
    interface Store<T> {
        T store(AttachmentUpload upload);
    }

    private MultipartFile() {
    }

    static <T> T read(MessageContext context, Store<T> store) {
        Attachment part = filePart(context);
        ContentDisposition disposition = part.getContentDisposition();
        String fileName = disposition == null ? null : Utf8Header.repaired(disposition.getFilename());
        String contentType = part.getContentType() == null ? null : part.getContentType().toString();
        try (InputStream content = part.getDataHandler().getInputStream()) {
            return store.store(new AttachmentUpload(fileName, contentType, content));
        } catch (IOException e) {
            throw new ValidationException(PART, "could not be read: " + e.getMessage());
        }
    }

    /**
     * Exactly one part named "file". The body is parsed here, not by a MessageBodyReader, so that a body CXF
     * cannot parse (no boundary, a boundary that never comes, a body that ends before its closing boundary)
     * is the client's 400 instead of CXF's Fault, which would be a 500.
     */
    static Attachment filePart(MessageContext context) {
        List<Attachment> files;
        try {
            MultipartBody body = AttachmentUtils.getMultipartBody(context);
            files = body == null ? List.of() : body.getAllAttachments().stream()
                    .filter(part -> part.getContentDisposition() != null && PART.equals(part.getContentDisposition().getParameter("name")))
                    .toList();
        } catch (Fault e) {
            throw new ValidationException(PART, "could not be read: the body is not well-formed multipart/form-data (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            if (ioCause(e) == null) {
                throw e;
            }
            throw new ValidationException(PART, "could not be read: " + ioCause(e).getMessage());
        }
        if (files.size() != 1) {
            throw new ValidationException(PART, files.isEmpty() ? "is required: send multipart/form-data with one part named file"
                    : "may be sent once per request");
        }
        return files.get(0);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
