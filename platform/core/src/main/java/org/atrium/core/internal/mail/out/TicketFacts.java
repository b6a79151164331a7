package org.atrium.core.internal.mail.out;

import org.atrium.api.workflow.WorkflowState;

/**
 * What the recipient rules need of a ticket as it is when its event is handled.
 *
 * @param waitsForRequester the ticket's state waits for the requester's answer (its type's descriptor says so)
 */
public record TicketFacts(String key, String type, String department, String requester, String assignee, String group,
        String status, String statusCategory, boolean confidential, boolean waitsForRequester) {
    /** Facts of a ticket whose state waits for the requester only if it is {@code waiting-for-requester}. */
    public TicketFacts(String key, String type, String department, String requester, String assignee, String group, String status,
            String statusCategory, boolean confidential) {
        this(key, type, department, requester, assignee, group, status, statusCategory, confidential,
                WorkflowState.WAITING_FOR_REQUESTER.equals(status));
    }
}
