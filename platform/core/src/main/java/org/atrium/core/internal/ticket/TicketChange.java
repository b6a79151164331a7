package org.atrium.core.internal.ticket;

import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.atrium.api.ticket.Ticket;
import org.atrium.api.workflow.WorkflowState;

/**
 * A change of one ticket, as its participants see it inside the change's transaction.
 *
 * @param what    CREATED, UPDATED, TRANSITIONED, COMMENTED or LINKED
 * @param ticket  the ticket as it will be committed
 * @param actor   who made the change ({@code system} for what the server does by itself)
 * @param details what else the change is about (from and to of a transition, the comment's id, ...)
 * @param entered the workflow state the ticket entered, or null when its state did not change
 * @param from    the state it left, or null
 */
record TicketChange(String what, Ticket ticket, String actor, Map<String, Object> details, WorkflowState entered, String from) {

    static TicketChange of(String what, Ticket ticket, String actor, Map<String, Object> details) {
        return new TicketChange(what, ticket, actor, details, null, null);
    }

    static TicketChange entered(Ticket ticket, String actor, WorkflowState entered, String from, Map<String, Object> details) {
        Map<String, Object> withStates = new java.util.HashMap<>(details);
        if (from != null) {
            withStates.put("from", from);
            withStates.put("to", entered.key());
        }
        return new TicketChange(from == null ? "CREATED" : "TRANSITIONED", ticket, actor, Map.copyOf(withStates), entered, from);
    }

    /** Hands the change to every participant, in order, inside the transaction. */
    static void announce(List<TicketParticipant> participants, EntityManager em, TicketChange change) {
        for (TicketParticipant participant : participants) {
            participant.changed(em, change);
        }
    }
}
