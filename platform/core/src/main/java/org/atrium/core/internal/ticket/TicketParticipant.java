package org.atrium.core.internal.ticket;

import javax.persistence.EntityManager;

/**
 * The one place where work that must commit with a ticket change joins the change's transaction:
 * the outbox entries for events and transition actions today ({@link TicketEvents}); SLA clocks,
 * approvals and notifications as they arrive. A participant that throws rolls the change back.
 */
interface TicketParticipant {
    void changed(EntityManager em, TicketChange change);
}
