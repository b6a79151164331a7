package org.atrium.api.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.atrium.api.security.Caller;

/**
 * Attachments of tickets. Whoever may read a ticket's record may list and download its attachments;
 * whoever may comment on it may upload. Reads of a confidential ticket's attachments are audited.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AttachmentService {
    /** The ticket's attachments, oldest first. */
    List<Attachment> list(Caller caller, String ticketKey);

    /**
     * Stores the file (and a history row "attachment added"). Throws {@link AttachmentTooLargeException}
     * past {@code rules.maxBytes()}, {@link AttachmentTypeRefusedException} for a type not accepted or
     * bytes that do not match it; nothing is stored then.
     */
    Attachment attach(Caller caller, String ticketKey, AttachmentUpload upload, AttachmentRules rules);

    /**
     * Stores a file before its ticket exists, held for the caller alone (no one else lists or downloads it):
     * a ticket's {@code attachment} field naming its id attaches it when the ticket is created or updated;
     * one that no ticket takes is deleted after a day (configurable). Same limits and exceptions as
     * {@link #attach}.
     */
    Attachment upload(Caller caller, AttachmentUpload upload, AttachmentRules rules);

    /**
     * What a download of one attachment sends besides the bytes (404 if the ticket has no such attachment,
     * or its bytes were erased); the read is audited where the ticket is confidential.
     */
    AttachmentDownload download(Caller caller, String ticketKey, long id);

    /** Writes the attachment's bytes to {@code out}, streamed from the database; access is checked again. */
    void copyContent(Caller caller, String ticketKey, long id, OutputStream out) throws IOException;
}
