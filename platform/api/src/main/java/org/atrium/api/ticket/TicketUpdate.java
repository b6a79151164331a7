package org.atrium.api.ticket;

import java.util.Map;

/**
 * A partial update: null members stay as they are. {@code version} is the version the client last
 * saw; the update is refused with a conflict when the ticket has moved on since.
 */
public record TicketUpdate(Long version, String summary, String description, String impact, String urgency,
        String assignee, Map<String, Object> fields, String assignmentGroup) {

    /** An update that leaves the assignment group as it is. */
    public TicketUpdate(Long version, String summary, String description, String impact, String urgency,
            String assignee, Map<String, Object> fields) {
        this(version, summary, description, impact, urgency, assignee, fields, null);
    }
}
