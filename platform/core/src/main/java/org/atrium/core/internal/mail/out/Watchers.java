package org.atrium.core.internal.mail.out;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

/** The table {@code ticket_watcher} (V20): who follows which ticket. */
final class Watchers {
    private Watchers() {
    }

    @SuppressWarnings("unchecked")
    static List<String> of(EntityManager em, String ticketKey) {
        return (List<String>) em.createNativeQuery("SELECT person_id FROM ticket_watcher WHERE ticket_key = ?1 ORDER BY person_id")
                .setParameter(1, ticketKey).getResultList();
    }

    static void add(EntityManager em, String ticketKey, String person, String addedBy, Instant now) {
        if (!of(em, ticketKey).contains(person)) {
            em.createNativeQuery("INSERT INTO ticket_watcher (ticket_key, person_id, added_by, added_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, ticketKey).setParameter(2, person).setParameter(3, addedBy).setParameter(4, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    static void remove(EntityManager em, String ticketKey, String person) {
        em.createNativeQuery("DELETE FROM ticket_watcher WHERE ticket_key = ?1 AND person_id = ?2")
                .setParameter(1, ticketKey).setParameter(2, person).executeUpdate();
    }
}
