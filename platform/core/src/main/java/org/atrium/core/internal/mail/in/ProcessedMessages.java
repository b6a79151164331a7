package org.atrium.core.internal.mail.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.atrium.core.internal.persistence.AuditEventEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.PersonIds;

/**
 * Which node processes a mail (table inbound_mail, V20): the insert of a mail's row claims it, and a
 * second node's insert fails on the primary key. A failed attempt marks the row failed, so the next
 * poll (on any node) claims it again; a claim whose node died is taken over after {@link #LEASE}.
 * Finishing writes the outcome and its audit row ({@code mail-<outcome>}) in one transaction.
 */
final class ProcessedMessages {
    enum Claim { TAKEN, DONE, BUSY }

    static final Duration LEASE = Duration.ofMinutes(10);
    private static final int MAX_DETAIL = 1000;
    private final Database db;
    private final Clock clock;

    ProcessedMessages(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The key of a Message-ID: its SHA-256 (Message-IDs may be longer than any index allows). */
    static String keyOf(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.trim().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17", e);
        }
    }

    Claim claim(String messageId) {
        String key = keyOf(messageId);
        Timestamp now = Timestamp.from(clock.instant());
        if (stateOf(key) == null) {
            try {
                insert(key, messageId, now);
                return Claim.TAKEN;
            } catch (RuntimeException anotherNodeWon) {
                // both nodes saw no row: the other one's insert came first; its row decides below
            }
        }
        int taken = takeOver(key, now);
        if (taken == 1) {
            return Claim.TAKEN;
        }
        return "done".equals(stateOf(key)) ? Claim.DONE : Claim.BUSY;
    }

    private void insert(String key, String messageId, Timestamp now) {
        db.inTransaction(em -> em.createNativeQuery("INSERT INTO inbound_mail (message_key, message_id, state, attempts, claimed_at)"
                + " VALUES (?1, ?2, 'claimed', 1, ?3)")
                .setParameter(1, key).setParameter(2, cut(messageId, 255)).setParameter(3, now).executeUpdate());
    }

    /** Takes over a failed claim, or one whose lease ran out (its node died); 1 when this node got it. */
    private int takeOver(String key, Timestamp now) {
        return db.inTransaction(em -> em.createNativeQuery("UPDATE inbound_mail SET state = 'claimed', claimed_at = ?1,"
                + " attempts = attempts + 1 WHERE message_key = ?2 AND (state = 'failed' OR (state = 'claimed' AND claimed_at < ?3))")
                .setParameter(1, now).setParameter(2, key).setParameter(3, Timestamp.from(clock.instant().minus(LEASE))).executeUpdate());
    }

    private String stateOf(String key) {
        List<?> state = db.read(em -> em.createNativeQuery("SELECT state FROM inbound_mail WHERE message_key = ?1")
                .setParameter(1, key).getResultList());
        return state.isEmpty() ? null : String.valueOf(state.get(0));
    }

    void finish(String messageId, String sender, Outcome outcome) {
        Instant now = clock.instant();
        String detail = cut(outcome.reason(), MAX_DETAIL);
        db.inTransaction(em -> {
            em.createNativeQuery("UPDATE inbound_mail SET state = 'done', outcome = ?1, ticket_key = ?2, sender = ?3, detail = ?4,"
                    + " finished_at = ?5 WHERE message_key = ?6")
                    .setParameter(1, outcome.code()).setParameter(2, outcome.ticketKey()).setParameter(3, cut(sender, 255))
                    .setParameter(4, detail).setParameter(5, Timestamp.from(now)).setParameter(6, keyOf(messageId)).executeUpdate();
            String actor = outcome.actor() == null ? null : PersonIds.current().existingIdOf(outcome.actor());
            // as every audit row: the ticket in target and detail; the mail's own details are in inbound_mail (atrium:mail-inbound)
            em.persist(new AuditEventEntity(now, actor, outcome.auditAction(), outcome.ticketKey(), outcome.ticketKey(), outcome.department(),
                    false, null));
            return null;
        });
    }

    void failed(String messageId, String error) {
        db.inTransaction(em -> em.createNativeQuery("UPDATE inbound_mail SET state = 'failed', detail = ?1 WHERE message_key = ?2")
                .setParameter(1, cut(error, MAX_DETAIL)).setParameter(2, keyOf(messageId)).executeUpdate());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
