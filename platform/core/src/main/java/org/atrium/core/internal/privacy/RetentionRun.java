package org.atrium.core.internal.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.atrium.api.audit.AuditTrail;
import org.atrium.api.privacy.PersonalData;
import org.atrium.core.internal.audit.AuditRows;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Anonymises closed tickets whose type's retention has passed since they closed: free text
 * redacted (TicketRedaction), comments and approval comments redacted, person fields and the
 * requester replaced by the retention's placeholder, {@code anonymised_at} set, one audit row each.
 * Runs in the caller's transaction; at most {@code limit} tickets per call.
 */
final class RetentionRun {
    /** The person id (V14) and login of the placeholder requester: no one can log in as it. */
    static final String PLACEHOLDER_ID = "p-0";
    static final String PLACEHOLDER_LOGIN = "anonymised:retention";
    private final TicketRedaction redaction;
    private final FieldKinds kinds;

    RetentionRun(TicketRedaction redaction, FieldKinds kinds) {
        this.redaction = redaction;
        this.kinds = kinds;
    }

    int anonymiseDue(EntityManager em, RetentionRules rules, Instant now, int limit) {
        int done = 0;
        List<RetentionRules.Rule> all = rules.rules();
        for (int i = 0; i < all.size() && done < limit; i++) {
            RetentionRules.Rule rule = all.get(i);
            // types a more specific rule decides are left to it (rules come most specific first)
            List<RetentionRules.Rule> before = all.subList(0, i);
            StringBuilder jpql = new StringBuilder("SELECT t FROM TicketEntity t WHERE t.statusCategory = 'closed'"
                    + " AND t.anonymisedAt IS NULL AND t.statusChangedAt < :before AND t.typeKey LIKE :type");
            for (int j = 0; j < before.size(); j++) {
                jpql.append(" AND t.typeKey NOT LIKE :other").append(j);
            }
            javax.persistence.TypedQuery<TicketEntity> query = em.createQuery(jpql.append(" ORDER BY t.statusChangedAt, t.id").toString(),
                    TicketEntity.class).setParameter("before", now.minus(rule.period())).setParameter("type", like(rule));
            for (int j = 0; j < before.size(); j++) {
                query.setParameter("other" + j, like(before.get(j)));
            }
            for (TicketEntity ticket : query.setMaxResults(limit - done).getResultList()) {
                anonymise(em, ticket, now);
                done++;
            }
        }
        return done;
    }

    /** Type keys have no % or _ wildcards of their own (RetentionRules' pattern allows neither). */
    private static String like(RetentionRules.Rule rule) {
        return rule.prefix() ? rule.pattern() + "%" : rule.pattern();
    }

    private void anonymise(EntityManager em, TicketEntity ticket, Instant now) {
        redaction.redact(em, ticket, PersonErasure.SYSTEM, now, "retention");
        Set<String> people = kinds.people(em, ticket.getTypeKey(), ticket.getTypeVersion());
        Map<String, Object> fields = new LinkedHashMap<>(Json.readMap(ticket.getFieldsJson()));
        fields.replaceAll((name, value) -> people.contains(name) && value != null ? PLACEHOLDER_LOGIN : value);
        ticket.setFieldsJson(Json.write(fields));
        em.createNativeQuery("UPDATE ticket_comment SET body = ? WHERE ticket_id = ?")
                .setParameter(1, PersonalData.REDACTED).setParameter(2, ticket.getId()).executeUpdate();
        em.createNativeQuery("UPDATE approval SET decision_comment = ? WHERE ticket_id = ? AND decision_comment IS NOT NULL")
                .setParameter(1, PersonalData.REDACTED).setParameter(2, ticket.getId()).executeUpdate();
        // the requester column is insert-only for JPA: the retention is the one change it ever gets
        em.createNativeQuery("UPDATE ticket SET requester = ?, anonymised_at = ? WHERE id = ?")
                .setParameter(1, PLACEHOLDER_ID).setParameter(2, java.sql.Timestamp.from(now)).setParameter(3, ticket.getId()).executeUpdate();
        redaction.reindex(em, ticket.getId());
        AuditRows.record(em, now, null, AuditTrail.RETENTION_ANONYMISED, null, ticket.getKey(), ticket.getDepartment(), ticket.isConfidential());
    }
}
