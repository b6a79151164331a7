package org.atrium.core.internal.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atrium.api.privacy.PersonalDataExport.FormValueOf;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Form values that name a person. Person fields store the login inside the ticket's form values
 * (JSON), so they are found by the quoted login in the text (a scan: export and erasure are rare)
 * (LIKE without escapes: a login with % or _ finds more, which the value check drops)
 * and confirmed by value: a field whose value is the login, or a list that holds it.
 */
final class FormPeople {
    private FormPeople() {
    }

    static List<Object[]> candidates(EntityManager em, String login) {
        // the cast reads jsonb (PostgreSQL) and VARCHAR (Derby) as text alike
        List<?> ids = em.createNativeQuery("SELECT id FROM ticket WHERE CAST(fields_json AS VARCHAR(20000)) LIKE ? ORDER BY id")
                .setParameter(1, "%\"" + login + "\"%").getResultList();
        List<Object[]> found = new ArrayList<>();
        for (Object id : ids) {
            TicketEntity ticket = em.find(TicketEntity.class, ((Number) id).longValue());
            Json.readMap(ticket.getFieldsJson()).forEach((name, value) -> {
                if (names(value, login)) {
                    found.add(new Object[] {ticket, name, value});
                }
            });
        }
        return found;
    }

    static List<FormValueOf> of(EntityManager em, String login) {
        return candidates(em, login).stream()
                .map(row -> new FormValueOf(((TicketEntity) row[0]).getKey(), (String) row[1], row[2])).toList();
    }

    /** Replaces the login by the pseudonym in every form value that names it; returns how many values changed. */
    static int rename(EntityManager em, String login, String pseudonym) {
        int changed = 0;
        for (Object[] row : candidates(em, login)) {
            TicketEntity ticket = (TicketEntity) row[0];
            Map<String, Object> fields = new LinkedHashMap<>(Json.readMap(ticket.getFieldsJson()));
            fields.computeIfPresent((String) row[1], (name, value) -> value instanceof List<?> list
                    ? list.stream().map(item -> login.equals(item) ? pseudonym : item).toList() : pseudonym);
            ticket.setFieldsJson(Json.write(fields));
            changed++;
        }
        return changed;
    }

    private static boolean names(Object value, String login) {
        return login.equals(value) || (value instanceof List<?> list && list.contains(login));
    }
}
