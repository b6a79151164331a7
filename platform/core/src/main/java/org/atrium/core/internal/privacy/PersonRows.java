package org.atrium.core.internal.privacy;

import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.api.NotFoundException;
import org.atrium.core.internal.persistence.PersonIds;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * How erasure and export both find a person's rows: by the stable id of the login (never creating
 * one: a login no row names is a 404), and the tickets they requested, oldest first.
 */
final class PersonRows {
    private PersonRows() {
    }

    /** The person's id in the unit of work running on this thread. */
    static String idOf(String login) {
        String id = PersonIds.current().existingIdOf(login);
        if (id == null) {
            throw new NotFoundException("No person " + login);
        }
        return id;
    }

    static List<TicketEntity> requested(EntityManager em, String login) {
        return em.createQuery("SELECT t FROM TicketEntity t WHERE t.requester = :login ORDER BY t.id", TicketEntity.class)
                .setParameter("login", login).getResultList();
    }
}
