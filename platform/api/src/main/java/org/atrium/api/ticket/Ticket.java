package org.atrium.api.ticket;

import java.time.Instant;
import java.util.Map;

/**
 * A ticket as the caller may see it. {@code approval} is where its latest approval stands (null when
 * it never needed one). {@code slaDueAt} is the earliest due time of its running SLA clocks (null while
 * none runs): the queue's SLA order. {@code slaWarnAt} is the warning instant of the clock that gives {@code slaDueAt}
 * (when it warns or warned; null with {@code slaDueAt}): a client colours a queue
 * without reading each ticket's clocks. An approver who may not otherwise see the ticket gets only the form fields
 * their stage shows, and no description. {@code rating} is the requester's rating (null until rated; filled
 * where one ticket is read, null in lists and in the answers of changes).
 */
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
        long version,
        org.atrium.api.approval.ApprovalOutcome approval,
        Instant slaDueAt,
        Instant slaWarnAt,
        org.atrium.api.rating.Rating rating) {

    /** A ticket whose warning time is not read (the answers of changes). */
    public Ticket(String key, String type, int typeVersion, String department, String summary, String description, String requester,
            String assignee, String assignmentGroup, String status, String statusCategory, String resolutionCode, String impact,
            String urgency, Priority priority, boolean confidential, Map<String, Object> fields, Instant createdAt, Instant updatedAt,
            long version, org.atrium.api.approval.ApprovalOutcome approval, Instant slaDueAt, org.atrium.api.rating.Rating rating) {
        this(key, type, typeVersion, department, summary, description, requester, assignee, assignmentGroup, status, statusCategory,
                resolutionCode, impact, urgency, priority, confidential, fields, createdAt, updatedAt, version, approval, slaDueAt, null,
                rating);
    }

    /** This ticket with the warning time of the clock that gives its due time. */
    public Ticket withSlaWarnAt(Instant slaWarnAt) {
        return new Ticket(key, type, typeVersion, department, summary, description, requester, assignee, assignmentGroup, status,
                statusCategory, resolutionCode, impact, urgency, priority, confidential, fields, createdAt, updatedAt, version, approval,
                slaDueAt, slaWarnAt, rating);
    }

    /** This ticket with its rating. */
    public Ticket withRating(org.atrium.api.rating.Rating rating) {
        return new Ticket(key, type, typeVersion, department, summary, description, requester, assignee, assignmentGroup, status,
                statusCategory, resolutionCode, impact, urgency, priority, confidential, fields, createdAt, updatedAt, version, approval,
                slaDueAt, slaWarnAt, rating);
    }
}
