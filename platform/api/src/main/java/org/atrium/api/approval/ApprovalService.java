package org.atrium.api.approval;

import java.util.List;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Approvers' side of approvals. Approvals are created and closed by the core as tickets move
 * through their workflow; callers decide, hand over and read them. Every method checks on the server
 * who may do what: only the approver (or their out-of-office delegate on a day they are away)
 * decides, never on their own request.
 */
@ProviderType
public interface ApprovalService {
    /** What the inbox shows: {@code pending} (awaiting the caller), {@code decided} (by the caller), {@code all}. */
    List<String> INBOX_STATES = List.of("pending", "decided", "all");

    /** The caller's approvals, newest first: their own, and those of people they act for today. */
    List<Approval> inbox(Caller caller, String state);

    /** One approval; for its approver, their delegate, who decided it, and whoever may see its ticket. */
    Approval get(Caller caller, long id);

    /**
     * Approves or rejects. 403 for anyone who is not the approver nor acting for them today, and for
     * the ticket's requester; 409 when the approval is no longer pending or the ticket is closed.
     */
    Approval decide(Caller caller, long id, Decision decision);

    /** Hands a pending approval to a named colleague, who then decides it instead (recorded in the history). */
    Approval handOver(Caller caller, long id, String to);

    /** Every approval of a ticket, for everyone who may see the ticket. */
    List<Approval> ofTicket(Caller caller, String ticketKey);
}
