package org.atrium.core.internal.attachment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.core.internal.persistence.AttachmentEntity;
import org.atrium.core.internal.persistence.HistoryEntity;

/**
 * The values of {@code attachment} fields: each names an upload (POST /attachments) that exists, belongs
 * to the caller and is attached to no other ticket. {@link #check} reports bad values with the form's other
 * errors; {@link #claim} attaches the uploads in the ticket's own transaction, under a row lock, so that one
 * upload named by two requests at once ends up on one ticket and the other request is refused.
 */
public final class PendingUploads {
    static final String NOT_YOURS = "names no upload of yours: upload the file first (POST /api/v1/attachments) and send its id";

    private PendingUploads() {
    }

    /** The type's attachment fields among {@code names} that have a value: what needs a look in the database at all. */
    public static List<String> named(RequestType type, Map<String, Object> values, Set<String> names) {
        List<String> fields = new ArrayList<>();
        for (FormField field : type.fields()) {
            if ("attachment".equals(field.type()) && names.contains(field.name()) && values.get(field.name()) instanceof String) {
                fields.add(field.name());
            }
        }
        return fields;
    }

    /**
     * Adds an error for every attachment field among {@code names} whose upload is not the caller's to attach
     * to {@code ticketId} (null: a ticket being created).
     */
    public static void check(EntityManager em, String user, RequestType type, Map<String, Object> values, Set<String> names,
            Long ticketId, List<FieldError> errors) {
        for (String name : named(type, values, names)) {
            String problem = problem(find(em, (String) values.get(name), false), user, ticketId);
            if (problem != null) {
                errors.add(new FieldError("fields." + name, problem));
            }
        }
    }

    /**
     * Attaches the uploads the fields name to the ticket (a history row "attachment added" each), checked again
     * under a row lock; a value that no longer qualifies (another request took the upload meanwhile) is a 400
     * that rolls the whole change back.
     */
    public static void claim(EntityManager em, String user, RequestType type, Map<String, Object> values, Set<String> names,
            long ticketId, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : named(type, values, names)) {
            AttachmentEntity upload = find(em, (String) values.get(name), true);
            String problem = problem(upload, user, ticketId);
            if (problem != null) {
                errors.add(new FieldError("fields." + name, problem));
            } else if (upload.getTicketId() == null) {
                upload.attachTo(ticketId);
                em.persist(new HistoryEntity(ticketId, now, user, AttachmentServiceImpl.ADDED, "attachment", null,
                        String.valueOf(upload.getId())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static AttachmentEntity find(EntityManager em, String value, boolean lock) {
        long id;
        try {
            id = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return lock ? em.find(AttachmentEntity.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(AttachmentEntity.class, id);
    }

    /** Why the upload may not go to the ticket, or null. Someone else's upload reads as none at all. */
    static String problem(AttachmentEntity upload, String user, Long ticketId) {
        if (upload == null || upload.getErasedAt() != null || !user.equals(upload.getUploadedBy())) {
            return NOT_YOURS;
        }
        if (upload.getTicketId() != null && !upload.getTicketId().equals(ticketId)) {
            return "names an upload attached to another ticket: upload the file again for this one";
        }
        return null;
    }

    /** Deletes up to {@code limit} uploads that no ticket took and that are older than {@code before}; returns how many. */
    public static int sweep(EntityManager em, Instant before, int limit) {
        List<Long> stale = em.createQuery("SELECT a.id FROM AttachmentEntity a WHERE a.ticketId IS NULL AND a.uploadedAt < :before"
                + " ORDER BY a.uploadedAt", Long.class).setParameter("before", before).setMaxResults(limit).getResultList();
        if (stale.isEmpty()) {
            return 0;
        }
        // the ticket_id condition again: a ticket that took one of them meanwhile keeps it
        return em.createQuery("DELETE FROM AttachmentEntity a WHERE a.id IN :ids AND a.ticketId IS NULL")
                .setParameter("ids", stale).executeUpdate();
    }
}
