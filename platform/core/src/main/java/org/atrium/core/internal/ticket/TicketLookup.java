package org.atrium.core.internal.ticket;

import java.util.List;
import javax.persistence.EntityManager;
import org.atrium.api.ConflictException;
import org.atrium.api.NotFoundException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.TicketEntity;

/** Finding a ticket the caller may see, and telling a client that lost a race which version to reload. */
public final class TicketLookup {
    private TicketLookup() {
    }

    /** The ticket, if the policy lets the caller do this with it (else 404 or 403, as TicketAccessPolicy says). */
    public static TicketEntity permitted(EntityManager em, Caller caller, String key, TicketAction action) {
        TicketEntity ticket = find(em, key);
        TicketAccessPolicy.check(action, caller, ticket, () -> approvesStored(em, ticket.getId(), caller.user()));
        return ticket;
    }

    /**
     * The caller is or was asked for an approval of the ticket (or handed one over): they know it
     * exists, so a refusal is a 403, not a 404. (What they may read is ApprovalDesk's approval view.)
     */
    static boolean approvesStored(EntityManager em, long ticketId, String user) {
        return em.createQuery("SELECT COUNT(a) FROM ApprovalEntity a WHERE a.ticketId = :t"
                + " AND (a.approver = :u OR a.decidedBy = :u OR a.handedOverBy = :u)", Long.class)
                .setParameter("t", ticketId).setParameter("u", user).getSingleResult() > 0;
    }

    /** The ticket with this key, whoever asks; callers check access themselves. */
    public static TicketEntity find(EntityManager em, String key) {
        List<TicketEntity> found = em.createQuery("SELECT t FROM TicketEntity t WHERE t.key = :key", TicketEntity.class)
                .setParameter("key", key).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("No ticket " + key);
        }
        return found.get(0);
    }

    static void checkVersion(TicketEntity ticket, long expected) {
        if (ticket.getVersion() != expected) {
            throw new ConflictException("Ticket " + ticket.getKey() + " is at version " + ticket.getVersion()
                    + ", not " + expected + "; reload it and apply your change again", ticket.getVersion());
        }
    }

    /** A concurrent commit detected only at flush carries no version yet: look it up for the client. */
    static Ticket withCurrentVersionOnConflict(Database db, String key, java.util.function.Supplier<Ticket> work) {
        try {
            return work.get();
        } catch (ConflictException e) {
            if (e.currentVersion() != null) {
                throw e;
            }
            Long current = db.read(em -> em.createQuery("SELECT t.version FROM TicketEntity t WHERE t.key = :key", Long.class)
                    .setParameter("key", key).getResultList().stream().findFirst().orElse(null));
            throw new ConflictException(e.getMessage(), current);
        }
    }
}
