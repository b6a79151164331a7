package org.atrium.core.internal.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.atrium.api.privacy.PersonalData;
import org.atrium.api.privacy.PersonalDataExport.InboundMailOf;
import org.atrium.api.privacy.PersonalDataExport.MailOf;

/**
 * A person's rows in the tables of notifications, inbound mail and webhooks (V20, V21, V23), for the
 * export and the erasure. These tables name people by login (mail_message.person_id,
 * ticket_watcher.person_id and added_by, webhook.created_by) or by e-mail address (recipient,
 * inbound_mail.sender), not by the stable id: the erasure rewrites them itself. approval_link_use
 * holds an approval id, a decision and a time only (the approval names its approver by id).
 */
final class MessagingRows {
    /** What a webhook delivery's body becomes when it named an erased person. */
    static final String REDACTED_PAYLOAD = "{\"redacted\":true}";

    private MessagingRows() {
    }

    /** The addresses the person is known by: the directory's now and those mails went to. */
    @SuppressWarnings("unchecked")
    static Set<String> addresses(EntityManager em, String login, String directoryEmail) {
        Set<String> addresses = new TreeSet<>();
        if (directoryEmail != null && !directoryEmail.isBlank()) {
            addresses.add(directoryEmail.strip().toLowerCase(Locale.ROOT));
        }
        ((List<String>) em.createNativeQuery("SELECT DISTINCT recipient FROM mail_message WHERE person_id = ?")
                .setParameter(1, login).getResultList()).forEach(address -> addresses.add(address.toLowerCase(Locale.ROOT)));
        return addresses;
    }

    @SuppressWarnings("unchecked")
    static List<String> watched(EntityManager em, String login) {
        return (List<String>) em.createNativeQuery("SELECT ticket_key FROM ticket_watcher WHERE person_id = ? ORDER BY ticket_key")
                .setParameter(1, login).getResultList();
    }

    /** Mails to them: by login, or to one of their addresses. No bodies: they render ticket data the export holds. */
    @SuppressWarnings("unchecked")
    static List<MailOf> mails(EntityManager em, String login, Collection<String> addresses) {
        String select = "SELECT id, ticket_key, recipient, template, language, state, created_at, sent_at FROM mail_message WHERE ";
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery(select + "person_id = ?").setParameter(1, login).getResultList());
        for (String address : addresses) {
            rows.addAll(em.createNativeQuery(select + "LOWER(recipient) = ?").setParameter(1, address).getResultList());
        }
        // a mail found by login and by address is listed once, oldest first
        java.util.Map<Long, MailOf> mails = new java.util.TreeMap<>();
        rows.forEach(row -> mails.put(((Number) row[0]).longValue(), new MailOf((String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], instant(row[6]), instant(row[7]))));
        return List.copyOf(mails.values());
    }

    @SuppressWarnings("unchecked")
    static List<InboundMailOf> inbound(EntityManager em, Collection<String> addresses) {
        List<InboundMailOf> mails = new ArrayList<>();
        for (String address : addresses) {
            ((List<Object[]>) em.createNativeQuery("SELECT ticket_key, outcome, detail, claimed_at, finished_at FROM inbound_mail"
                    + " WHERE LOWER(sender) = ? ORDER BY claimed_at").setParameter(1, address).getResultList())
                    .forEach(row -> mails.add(new InboundMailOf((String) row[0], (String) row[1], (String) row[2], instant(row[3]),
                            instant(row[4]))));
        }
        return mails;
    }

    @SuppressWarnings("unchecked")
    static List<Long> webhooksCreated(EntityManager em, String login) {
        return ((List<Number>) em.createNativeQuery("SELECT id FROM webhook WHERE created_by = ? ORDER BY id").setParameter(1, login)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /**
     * Removes or anonymises the person's rows: their watches and the mails to them are deleted (a
     * mail still queued is not sent); mails to others about the tickets they requested, or quoting
     * their name or address, lose subject and bodies; inbound mails from them lose the sender (and a
     * detail quoting the address); webhooks they created name the pseudonym; webhook deliveries about
     * their tickets or naming their login lose the body. Returns the rows changed.
     */
    static int erase(EntityManager em, String login, String pseudonym, String displayName, Set<String> addresses,
            Collection<String> requestedKeys) {
        int changed = update(em, "DELETE FROM ticket_watcher WHERE person_id = ?", login);
        changed += update(em, "UPDATE ticket_watcher SET added_by = ? WHERE added_by = ?", pseudonym, login);
        changed += update(em, "DELETE FROM mail_message WHERE person_id = ?", login);
        String blankMail = "UPDATE mail_message SET subject = ?, text_body = ?, html_body = ? WHERE ";
        for (String address : addresses) {
            changed += update(em, "DELETE FROM mail_message WHERE LOWER(recipient) = ?", address);
            changed += update(em, blankMail + "(LOWER(text_body) LIKE ? ESCAPE '\\' OR LOWER(html_body) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(subject) LIKE ? ESCAPE '\\')", PersonalData.REDACTED, PersonalData.REDACTED, PersonalData.REDACTED,
                    containing(address), containing(address), containing(address));
            changed += update(em, "UPDATE inbound_mail SET sender = NULL WHERE LOWER(sender) = ?", address);
            changed += update(em, "UPDATE inbound_mail SET detail = ? WHERE LOWER(detail) LIKE ? ESCAPE '\\'", PersonalData.REDACTED,
                    containing(address));
        }
        if (displayName != null && !displayName.isBlank()) {
            changed += update(em, blankMail + "(text_body LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\')", PersonalData.REDACTED,
                    PersonalData.REDACTED, PersonalData.REDACTED, containing(displayName), containing(displayName));
        }
        for (String key : requestedKeys) {
            changed += update(em, blankMail + "ticket_key = ?", PersonalData.REDACTED, PersonalData.REDACTED, PersonalData.REDACTED, key);
            changed += update(em, "UPDATE webhook_delivery SET payload = ? WHERE ticket_key = ?", REDACTED_PAYLOAD, key);
        }
        // event data names actors by login, as a JSON string
        changed += update(em, "UPDATE webhook_delivery SET payload = ? WHERE payload LIKE ? ESCAPE '\\'", REDACTED_PAYLOAD,
                containing("\"" + login + "\""));
        changed += update(em, "UPDATE webhook SET created_by = ? WHERE created_by = ?", pseudonym, login);
        return changed;
    }

    private static int update(EntityManager em, String sql, Object... parameters) {
        javax.persistence.Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    /** A LIKE pattern for text containing {@code value} literally (its %, _ and \ escaped). */
    static String containing(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
