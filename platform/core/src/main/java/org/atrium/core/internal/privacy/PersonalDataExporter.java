package org.atrium.core.internal.privacy;

import java.time.Clock;
import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.api.audit.AuditTrail;
import org.atrium.api.directory.Directory;
import org.atrium.api.privacy.PersonalDataExport;
import org.atrium.api.privacy.PersonalDataExport.ApprovalOf;
import org.atrium.api.privacy.PersonalDataExport.CommentOf;
import org.atrium.api.privacy.PersonalDataExport.HistoryOf;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.audit.AuditRows;
import org.atrium.core.internal.persistence.ApprovalEntity;
import org.atrium.core.internal.persistence.AttachmentEntity;
import org.atrium.core.internal.persistence.RatingEntity;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.PersonIds;
import org.atrium.core.internal.ticket.TicketMapper;

/**
 * Everything Atrium holds about a person (GDPR art. 15 and 20): read by the person's id in every
 * table, in one transaction together with the audit row that records the export. Confidential
 * tickets are included: the export is the data subject's, and it is audited.
 */
final class PersonalDataExporter {
    private final Database db;
    private final Directory directory;
    private final Clock clock;

    PersonalDataExporter(Database db, Directory directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    PersonalDataExport export(Caller caller, String login) {
        return db.inTransaction(em -> {
            String id = PersonRows.idOf(login);
            org.atrium.api.directory.Person person = directory.find(login).orElse(null);
            java.util.Set<String> addresses = MessagingRows.addresses(em, login, person == null ? null : person.email());
            PersonalDataExport export = new PersonalDataExport(login, id, PersonIds.current().erased(id), person,
                    requested(em, login), assigned(em, login), comments(em, login), approvals(em, login), history(em, login, id),
                    FormPeople.of(em, login), attachments(em, login), ratings(em, login), MessagingRows.watched(em, login),
                    MessagingRows.mails(em, login, addresses), MessagingRows.inbound(em, addresses), MessagingRows.webhooksCreated(em, login));
            AuditRows.record(em, clock.instant(), caller.user(), AuditTrail.PERSONAL_DATA_EXPORTED, id, null, null, false);
            return export;
        });
    }

    private static List<org.atrium.api.ticket.Ticket> requested(EntityManager em, String login) {
        return PersonRows.requested(em, login).stream().map(TicketMapper::toDto).toList();
    }

    private static List<PersonalDataExport.AttachmentOf> attachments(EntityManager em, String login) {
        List<PersonalDataExport.AttachmentOf> files = new java.util.ArrayList<>(em.createQuery("SELECT a, t.key FROM AttachmentEntity a,"
                + " TicketEntity t WHERE t.id = a.ticketId AND a.uploadedBy = :login ORDER BY a.id", Object[].class)
                .setParameter("login", login).getResultList().stream()
                .map(row -> attachmentOf((String) row[1], (AttachmentEntity) row[0])).toList());
        // uploads no ticket took yet (POST /attachments): theirs too, with no ticket
        em.createQuery("SELECT a FROM AttachmentEntity a WHERE a.ticketId IS NULL AND a.uploadedBy = :login ORDER BY a.id", AttachmentEntity.class)
                .setParameter("login", login).getResultList().forEach(a -> files.add(attachmentOf(null, a)));
        return files;
    }

    private static PersonalDataExport.AttachmentOf attachmentOf(String ticket, AttachmentEntity a) {
        return new PersonalDataExport.AttachmentOf(ticket, a.getId(), a.getOriginalName(), a.getContentType(), a.getSize(),
                a.getSha256(), a.getUploadedAt(), a.getErasedAt() != null);
    }

    private static List<PersonalDataExport.RatingOf> ratings(EntityManager em, String login) {
        return em.createQuery("SELECT r, t.key FROM RatingEntity r, TicketEntity t WHERE t.id = r.ticketId AND r.ratedBy = :login"
                + " ORDER BY t.id", Object[].class).setParameter("login", login).getResultList().stream().map(row -> {
                    RatingEntity r = (RatingEntity) row[0];
                    return new PersonalDataExport.RatingOf((String) row[1], r.getScore(), r.getComment(), r.getRatedAt());
                }).toList();
    }

    private static List<String> assigned(EntityManager em, String login) {
        return em.createQuery("SELECT t.key FROM TicketEntity t WHERE t.assignee = :login ORDER BY t.id", String.class)
                .setParameter("login", login).getResultList();
    }

    private static List<CommentOf> comments(EntityManager em, String login) {
        return em.createQuery("SELECT c, t.key FROM CommentEntity c, TicketEntity t WHERE t.id = c.ticketId AND c.author = :login"
                + " ORDER BY c.id", Object[].class).setParameter("login", login).getResultList().stream().map(row -> {
                    CommentEntity c = (CommentEntity) row[0];
                    return new CommentOf((String) row[1], c.getId(), c.getBody(), c.isInternal(), c.getCreatedAt());
                }).toList();
    }

    private static List<ApprovalOf> approvals(EntityManager em, String login) {
        return em.createQuery("SELECT a, t.key FROM ApprovalEntity a, TicketEntity t WHERE t.id = a.ticketId AND (a.approver = :login"
                + " OR a.decidedBy = :login OR a.onBehalfOf = :login OR a.handedOverBy = :login) ORDER BY a.id", Object[].class)
                .setParameter("login", login).getResultList().stream().map(row -> {
                    ApprovalEntity a = (ApprovalEntity) row[0];
                    return new ApprovalOf((String) row[1], a.getId(), a.getRound(), a.getStageKey(), a.getApprover(), a.getHandedOverBy(),
                            a.getState(), a.getDecidedBy(), a.getOnBehalfOf(), a.getComment(), a.getRequestedAt(), a.getDecidedAt());
                }).toList();
    }

    /** Rows they made, and rows whose values name them (stored as their id). */
    private static List<HistoryOf> history(EntityManager em, String login, String id) {
        return em.createQuery("SELECT h, t.key FROM HistoryEntity h, TicketEntity t WHERE t.id = h.ticketId AND (h.actor = :login"
                + " OR h.beforeColumn = :id OR h.afterColumn = :id) ORDER BY h.id", Object[].class)
                .setParameter("login", login).setParameter("id", id).getResultList().stream().map(row -> {
                    HistoryEntity h = (HistoryEntity) row[0];
                    return new HistoryOf((String) row[1], h.getId(), h.getAt(), h.getActor(), h.getAction(), h.getField(),
                            h.getBefore(), h.getAfter());
                }).toList();
    }
}
