package org.atrium.core.internal.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.attachment.Attachment;
import org.atrium.api.attachment.AttachmentDownload;
import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentService;
import org.atrium.api.attachment.AttachmentUpload;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.audit.ConfidentialReads;
import org.atrium.core.internal.persistence.AttachmentEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.ticket.TicketLookup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Attachments with the ticket's visibility (TicketAccessPolicy): its working record's readers list and
 * download, those who may comment upload. An upload is read to a temporary file before any transaction
 * begins (Spool: a slow client holds no connection), checked, then stored with its history row in one
 * transaction.
 */
@Component(service = AttachmentService.class)
public class AttachmentServiceImpl implements AttachmentService {
    /** ticket_history.action: what the row of an upload says; its value is the attachment's id, never the bytes. */
    static final String ADDED = "attachment added";
    private final Database db;
    private final Clock clock;
    private final ConfidentialReads audit;

    @Activate
    public AttachmentServiceImpl(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    AttachmentServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new ConfidentialReads(db, clock);
    }

    @Override
    public List<Attachment> list(Caller caller, String ticketKey) {
        TicketEntity[] seen = new TicketEntity[1];
        List<Attachment> attachments = db.read(em -> {
            TicketEntity ticket = seen[0] = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
            return em.createQuery("SELECT a FROM AttachmentEntity a WHERE a.ticketId = :id AND a.erasedAt IS NULL ORDER BY a.id",
                    AttachmentEntity.class).setParameter("id", ticket.getId()).getResultList().stream()
                    .map(AttachmentServiceImpl::toDto).toList();
        });
        audit.read(caller, seen[0].isConfidential(), seen[0].getKey(), seen[0].getDepartment());
        return attachments;
    }

    @Override
    public Attachment attach(Caller caller, String ticketKey, AttachmentUpload upload, AttachmentRules rules) {
        if (upload == null || upload.content() == null) {
            throw new ValidationException("file", "is required");
        }
        // who may not comment learns so before the server reads megabytes for nothing
        db.read(em -> TicketLookup.permitted(em, caller, ticketKey, TicketAction.COMMENT));
        String shown = FileNames.display(upload.fileName());
        String stored = FileNames.sanitised(upload.fileName());
        FileNames.checkExtension(shown);
        String type = ContentTypes.normalise(upload.contentType());
        try (Spool spool = Spool.of(upload.content(), rules.maxBytes())) {
            ContentTypes.check(type, spool.head(), spool.headLength(), rules.contentTypes());
            return db.inTransaction(em -> store(em, caller, ticketKey, spool,
                    new AttachmentEntity(null, stored, shown, type, spool.size(), spool.sha256(), caller.user(), clock.instant())));
        }
    }

    @Override
    public Attachment upload(Caller caller, AttachmentUpload upload, AttachmentRules rules) {
        if (upload == null || upload.content() == null) {
            throw new ValidationException("file", "is required");
        }
        String shown = FileNames.display(upload.fileName());
        String stored = FileNames.sanitised(upload.fileName());
        FileNames.checkExtension(shown);
        String type = ContentTypes.normalise(upload.contentType());
        try (Spool spool = Spool.of(upload.content(), rules.maxBytes())) {
            ContentTypes.check(type, spool.head(), spool.headLength(), rules.contentTypes());
            // no ticket yet: held for the uploader until a ticket's attachment field names it (PendingUploads)
            return db.inTransaction(em -> write(em, spool,
                    new AttachmentEntity(null, stored, shown, type, spool.size(), spool.sha256(), caller.user(), clock.instant())));
        }
    }

    private static Attachment store(EntityManager em, Caller caller, String ticketKey, Spool spool, AttachmentEntity draft) {
        TicketEntity ticket = TicketLookup.permitted(em, caller, ticketKey, TicketAction.COMMENT);
        AttachmentEntity attachment = new AttachmentEntity(ticket.getId(), draft.getFileName(), draft.getOriginalName(),
                draft.getContentType(), draft.getSize(), draft.getSha256(), draft.getUploadedBy(), draft.getUploadedAt());
        em.persist(attachment);
        em.persist(new HistoryEntity(ticket.getId(), attachment.getUploadedAt(), caller.user(), ADDED, "attachment", null,
                String.valueOf(attachment.getId()))); // TABLE ids are assigned at persist
        return write(em, spool, attachment);
    }

    private static Attachment write(EntityManager em, Spool spool, AttachmentEntity attachment) {
        if (!em.contains(attachment)) {
            em.persist(attachment);
        }
        em.flush(); // the row exists (and has its id) before its content is written on the same connection
        try (InputStream content = spool.open()) {
            AttachmentContent.write(em, attachment.getId(), content, spool.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spooled upload", e);
        }
        return toDto(attachment);
    }

    @Override
    public AttachmentDownload download(Caller caller, String ticketKey, long id) {
        TicketEntity[] seen = new TicketEntity[1];
        AttachmentDownload attachment = db.read(em -> {
            seen[0] = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
            AttachmentEntity found = find(em, seen[0], id);
            return new AttachmentDownload(toDto(found), found.getFileName());
        });
        audit.read(caller, seen[0].isConfidential(), seen[0].getKey(), seen[0].getDepartment());
        return attachment;
    }

    @Override
    public void copyContent(Caller caller, String ticketKey, long id, OutputStream out) throws IOException {
        IOException[] failed = new IOException[1];
        db.read(em -> {
            AttachmentEntity attachment = find(em, TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD), id);
            try {
                if (!AttachmentContent.copy(em, attachment.getId(), out)) {
                    throw new NotFoundException("Attachment " + id + " of " + ticketKey + " was erased");
                }
            } catch (IOException e) {
                failed[0] = e; // the client went away: nothing to roll back, a read
            }
            return null;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private static AttachmentEntity find(EntityManager em, TicketEntity ticket, long id) {
        AttachmentEntity attachment = em.find(AttachmentEntity.class, id);
        if (attachment == null || !Long.valueOf(ticket.getId()).equals(attachment.getTicketId()) || attachment.getErasedAt() != null) {
            throw new NotFoundException("Ticket " + ticket.getKey() + " has no attachment " + id);
        }
        return attachment;
    }

    static Attachment toDto(AttachmentEntity a) {
        return new Attachment(a.getId(), a.getOriginalName(), a.getContentType(), a.getSize(), a.getSha256(), a.getUploadedBy(),
                a.getUploadedAt());
    }

    /** Used where a ticket is anonymised (TicketRedaction): the bytes go, the names become "[redacted]". */
    public static int erase(EntityManager em, long ticketId, Instant now) {
        return AttachmentContent.erase(em, ticketId, now);
    }
}
