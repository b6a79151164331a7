package org.atrium.core.internal.privacy;

import java.util.Arrays;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.atrium.core.internal.persistence.TicketEntity;

/**
 * The deciders of a ticket's latest approval, written before V13 as a list of logins (V13 rewrote
 * single deciders only): an erasure renames the person in such lists.
 */
final class DecidersList {
    private DecidersList() {
    }

    static void rename(EntityManager em, String login, String pseudonym) {
        em.createNativeQuery("SELECT id FROM ticket WHERE approval_deciders LIKE ?").setParameter(1, "%" + login + "%")
                .getResultList().forEach(id -> {
                    TicketEntity ticket = em.find(TicketEntity.class, ((Number) id).longValue());
                    String renamed = Arrays.stream(ticket.getApprovalDeciders().split(","))
                            .map(decider -> decider.equals(login) ? pseudonym : decider).collect(Collectors.joining(","));
                    ticket.setApprovalDeciders(renamed);
                });
    }
}
