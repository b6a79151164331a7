package org.atrium.core.internal.audit;

import java.time.Instant;

import javax.persistence.EntityManager;

import org.atrium.api.audit.RequestOrigin;
import org.atrium.core.internal.persistence.AuditEventEntity;
import org.atrium.core.internal.persistence.PersonIds;

/** Writes audit rows in the caller's transaction, so that an erasure and its audit row commit together. */
public final class AuditRows {
    private AuditRows() {
    }

    /**
     * @param actorLogin    who (mapped to their person id; null for the server itself)
     * @param targetPersonId the person the action concerns, by id (shown by their current login or pseudonym), or null
     * @param ticketKey     the ticket the action concerns, or null
     */
    public static void record(EntityManager em, Instant at, String actorLogin, String action, String targetPersonId, String ticketKey,
            String department, boolean confidential) {
        String actor = actorLogin == null ? null : PersonIds.current().idOf(actorLogin);
        String target = targetPersonId != null ? targetPersonId : ticketKey;
        em.persist(new AuditEventEntity(at, actor, action, target, ticketKey, department, confidential, RequestOrigin.address()));
    }
}
