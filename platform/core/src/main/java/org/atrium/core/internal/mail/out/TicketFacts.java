package org.atrium.core.internal.mail.out;

/** What the recipient rules need of a ticket as it is when its event is handled. */
public record TicketFacts(String key, String type, String department, String requester, String assignee, String group,
        String status, String statusCategory, boolean confidential) {
}
