package org.atrium.core.internal.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.atrium.api.privacy.PersonalData;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Replaces the free text of a ticket (summary, description, free-text form fields, and the same
 * values in its history) by {@link PersonalData#REDACTED}; type, dates, statuses and priorities
 * stay for statistics; the bytes of its attachments are removed (their names redacted) and the comment of its
 * rating redacted. The redaction is itself a history row, so the ticket shows who redacted it and when.
 */
final class TicketRedaction {
    /** ticket_history.action holds 20 characters. */
    static final String ACTION = "redacted";
    private final FieldKinds kinds;

    TicketRedaction(FieldKinds kinds) {
        this.kinds = kinds;
    }

    /** Returns how many history rows had values redacted. */
    int redact(EntityManager em, TicketEntity ticket, String actor, Instant now, String why) {
        Set<String> freeText = kinds.freeText(em, ticket.getTypeKey(), ticket.getTypeVersion());
        ticket.setSummary(PersonalData.REDACTED);
        if (ticket.getDescription() != null) {
            ticket.setDescription(PersonalData.REDACTED);
        }
        Map<String, Object> fields = new LinkedHashMap<>(Json.readMap(ticket.getFieldsJson()));
        fields.replaceAll((name, value) -> freeText.contains(name) && value != null ? PersonalData.REDACTED : value);
        ticket.setFieldsJson(Json.write(fields));
        List<String> redactedFields = new ArrayList<>(List.of("summary", "description"));
        freeText.forEach(name -> redactedFields.add("fields." + name));
        // history is insert-only for JPA; its redaction is the one update it ever gets
        javax.persistence.Query update = em.createNativeQuery("UPDATE ticket_history SET"
                + " before_value = CASE WHEN before_value IS NULL THEN NULL ELSE CAST(? AS VARCHAR(20)) END,"
                + " after_value = CASE WHEN after_value IS NULL THEN NULL ELSE CAST(? AS VARCHAR(20)) END WHERE ticket_id = ? AND field IN ("
                + String.join(", ", redactedFields.stream().map(f -> "?").toList()) + ")")
                .setParameter(1, PersonalData.REDACTED).setParameter(2, PersonalData.REDACTED).setParameter(3, ticket.getId());
        for (int i = 0; i < redactedFields.size(); i++) {
            update.setParameter(4 + i, redactedFields.get(i));
        }
        int rows = update.executeUpdate();
        org.atrium.core.internal.attachment.AttachmentServiceImpl.erase(em, ticket.getId(), now);
        em.createNativeQuery("UPDATE ticket_rating SET comment = ? WHERE ticket_id = ? AND comment IS NOT NULL")
                .setParameter(1, PersonalData.REDACTED).setParameter(2, ticket.getId()).executeUpdate();
        em.persist(new HistoryEntity(ticket.getId(), now, actor, ACTION, null, null, why));
        return rows;
    }

    /** Rewrites the ticket's search terms from what its rows now hold, so that no redacted word is still found. */
    void reindex(EntityManager em, long ticketId) {
        em.flush(); // the index is rebuilt from the rows: JPA's redactions must be in them
        org.atrium.core.internal.search.SearchIndex.rebuild(em, ticketId, kinds);
    }
}
