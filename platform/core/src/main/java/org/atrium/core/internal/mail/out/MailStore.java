package org.atrium.core.internal.mail.out;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.api.notification.MailQueueReport;
import org.atrium.core.internal.persistence.Dialect;
import org.atrium.core.internal.worker.DueRows;

/**
 * The table {@code mail_message} (V20) in plain SQL that runs on Derby and PostgreSQL. States:
 * {@code pending} (to send, at {@code next_attempt_at}), {@code sent}, {@code failed} (given up).
 */
public final class MailStore {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    private static final int MAX_ERROR = 2000;

    private MailStore() {
    }

    /** Queues a mail unless its event already gave this recipient one (an event delivered again); true if queued. */
    public static boolean enqueue(EntityManager em, OutgoingMail mail, Instant now) {
        Number existing = (Number) em.createNativeQuery("SELECT COUNT(*) FROM mail_message WHERE event_id = ?1 AND recipient = ?2")
                .setParameter(1, mail.eventId()).setParameter(2, mail.recipient()).getSingleResult();
        if (existing.longValue() > 0) {
            return false;
        }
        long id = nextId(em);
        em.createNativeQuery("INSERT INTO mail_message (id, event_id, recipient, person_id, template, language, ticket_key, subject,"
                + " text_body, html_body, message_id, reply_to, state, attempts, next_attempt_at, created_at, in_reply_to, thread_references)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14, ?14, ?15, ?16)")
                .setParameter(1, id).setParameter(2, mail.eventId()).setParameter(3, mail.recipient()).setParameter(4, mail.personId())
                .setParameter(5, mail.template()).setParameter(6, mail.language()).setParameter(7, mail.ticketKey())
                .setParameter(8, mail.content().subject()).setParameter(9, mail.content().text()).setParameter(10, mail.content().html())
                .setParameter(11, mail.messageId()).setParameter(12, mail.replyTo()).setParameter(13, PENDING)
                .setParameter(14, Timestamp.from(now)).setParameter(15, mail.thread().inReplyTo())
                .setParameter(16, mail.thread().references()).executeUpdate();
        return true;
    }

    /** Ids from the shared sequence table, under its row lock (every node agrees). */
    private static long nextId(EntityManager em) {
        em.createNativeQuery("UPDATE atrium_id_sequence SET seq_count = seq_count + 1 WHERE seq_name = 'mail_message'").executeUpdate();
        return ((Number) em.createNativeQuery("SELECT seq_count FROM atrium_id_sequence WHERE seq_name = 'mail_message'")
                .getSingleResult()).longValue();
    }

    /**
     * Due pending mails, oldest due first ({@link DueRows}: locked for this transaction, on PostgreSQL
     * skipping those another node holds). The worker sends them and records the outcome in the same
     * transaction, so a node that dies while sending leaves its rows to the next claim.
     */
    public static List<QueuedMail> claim(EntityManager em, Dialect dialect, Instant now, int limit) {
        List<Object[]> rows = DueRows.claimColumns(em, dialect, "id, recipient, subject, text_body, html_body, message_id, reply_to,"
                + " attempts, template, in_reply_to, thread_references", "mail_message", "state = 'pending'", "next_attempt_at, id", now, limit);
        List<QueuedMail> mails = new ArrayList<>();
        for (Object[] row : rows) {
            MailThread thread = row[9] == null ? MailThread.NONE : new MailThread((String) row[9], (String) row[10]);
            mails.add(new QueuedMail(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], ((Number) row[7]).intValue(), (String) row[8], thread));
        }
        return mails;
    }

    public static void sent(EntityManager em, long id, Instant now) {
        em.createNativeQuery("UPDATE mail_message SET state = 'sent', sent_at = ?1, attempts = attempts + 1, last_error = NULL"
                + " WHERE id = ?2").setParameter(1, Timestamp.from(now)).setParameter(2, id).executeUpdate();
    }

    /** A failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
    public static void attemptFailed(EntityManager em, long id, String error, Instant next) {
        String message = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (next == null) {
            em.createNativeQuery("UPDATE mail_message SET attempts = attempts + 1, last_error = ?1, state = 'failed' WHERE id = ?2")
                    .setParameter(1, message).setParameter(2, id).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE mail_message SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2 WHERE id = ?3")
                    .setParameter(1, message).setParameter(2, Timestamp.from(next)).setParameter(3, id).executeUpdate();
        }
    }

    /** Back to pending, due now, with a fresh count of attempts; false when there is no such unsent mail. */
    public static boolean retry(EntityManager em, long id, Instant now) {
        return em.createNativeQuery("UPDATE mail_message SET state = 'pending', attempts = 0, next_attempt_at = ?1"
                + " WHERE id = ?2 AND state <> 'sent'").setParameter(1, Timestamp.from(now)).setParameter(2, id).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    public static MailQueueReport report(EntityManager em, int limit) {
        long pending = 0;
        long failed = 0;
        long sent = 0;
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT state, COUNT(*) FROM mail_message GROUP BY state").getResultList()) {
            long count = ((Number) row[1]).longValue();
            switch ((String) row[0]) {
                case PENDING -> pending = count;
                case FAILED -> failed = count;
                case SENT -> sent = count;
                default -> {
                    // no other states are written
                }
            }
        }
        List<Object[]> rows = em.createNativeQuery("SELECT id, recipient, template, ticket_key, state, attempts, next_attempt_at, last_error"
                + " FROM mail_message WHERE state = 'failed' OR (state = 'pending' AND last_error IS NOT NULL)"
                + " ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY").getResultList();
        List<MailQueueReport.Entry> problems = new ArrayList<>();
        for (Object[] row : rows) {
            problems.add(new MailQueueReport.Entry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], ((Number) row[5]).intValue(), ((Timestamp) row[6]).toInstant(), (String) row[7]));
        }
        return new MailQueueReport(pending, failed, sent, problems);
    }
}
