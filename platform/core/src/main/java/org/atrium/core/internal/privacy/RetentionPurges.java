package org.atrium.core.internal.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * How long the logs of mail and webhooks keep personal data (etc/org.atrium.retention.cfg, 90 days by
 * default): sent mails (recipient address and rendered body), processed inbound mails (sender,
 * Message-ID, reason) and webhook attempts (with the finished deliveries they leave behind, whose
 * bodies carry a ticket's summary and actors' logins). Mails still queued or failing, mails being
 * processed and deliveries still pending stay whatever their age: they are work, not logs.
 */
record RetentionPurges(Duration sentMails, Duration inboundMails, Duration webhookAttempts) {
    static final String SENT_MAILS = "purge.sentMails";
    static final String INBOUND_MAILS = "purge.inboundMails";
    static final String WEBHOOK_ATTEMPTS = "purge.webhookAttempts";
    static final Set<String> KEYS = Set.of(SENT_MAILS, INBOUND_MAILS, WEBHOOK_ATTEMPTS);
    static final Duration DEFAULT = Duration.ofDays(90);

    static RetentionPurges of(Map<String, Duration> ages) {
        return new RetentionPurges(ages.getOrDefault(SENT_MAILS, DEFAULT), ages.getOrDefault(INBOUND_MAILS, DEFAULT),
                ages.getOrDefault(WEBHOOK_ATTEMPTS, DEFAULT));
    }

    /** Deletes what is older than its age at {@code now}, in the caller's transaction; returns the rows deleted. */
    int purge(EntityManager em, Instant now) {
        int deleted = em.createNativeQuery("DELETE FROM mail_message WHERE state = 'sent' AND sent_at < ?")
                .setParameter(1, before(now, sentMails)).executeUpdate();
        deleted += em.createNativeQuery("DELETE FROM inbound_mail WHERE state = 'done' AND finished_at < ?")
                .setParameter(1, before(now, inboundMails)).executeUpdate();
        Timestamp attempts = before(now, webhookAttempts);
        deleted += em.createNativeQuery("DELETE FROM webhook_attempt WHERE attempted_at < ? AND delivery_id IN"
                + " (SELECT d.id FROM webhook_delivery d WHERE d.state <> 'pending')").setParameter(1, attempts).executeUpdate();
        deleted += em.createNativeQuery("DELETE FROM webhook_delivery WHERE state <> 'pending' AND created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_attempt a WHERE a.delivery_id = webhook_delivery.id)")
                .setParameter(1, attempts).executeUpdate();
        return deleted;
    }

    private static Timestamp before(Instant now, Duration age) {
        return Timestamp.from(now.minus(age));
    }
}
