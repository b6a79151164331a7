package org.atrium.api.ticket;

import java.time.Instant;
import java.util.Map;

/** A ticket as the caller may see it. */
public record Ticket(
        String key,
        String type,
        int typeVersion,
        String department,
        String summary,
        String description,
        String requester,
        String assignee,
        String assignmentGroup,
        String status,
        String statusCategory,
        String resolutionCode,
        String impact,
        String urgency,
        Priority priority,
        boolean confidential,
        Map<String, Object> fields,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
