package org.atrium.core.internal.ticket;

import org.atrium.api.ticket.Comment;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/** Entities never leave the core: these are the DTOs callers get. */
public final class TicketMapper {
    private TicketMapper() {
    }

    public static Ticket toDto(TicketEntity t) {
        return new Ticket(t.getKey(), t.getTypeKey(), t.getTypeVersion(), t.getDepartment(), t.getSummary(),
                t.getDescription(), t.getRequester(), t.getAssignee(), t.getAssignmentGroup(), t.getStatus(), t.getStatusCategory(),
                t.getResolutionCode(), t.getImpact(), t.getUrgency(),
                Priority.ofRank(t.getPriority()), t.isConfidential(), Json.readMap(t.getFieldsJson()),
                t.getCreatedAt(), t.getUpdatedAt(), t.getVersion(), approvalOf(t), t.getSlaDueAt(), null);
    }

    /** Where the ticket's latest approval stands; null when it never needed one. */
    public static org.atrium.api.approval.ApprovalOutcome approvalOf(TicketEntity t) {
        if (t.getApprovalState() == null) {
            return null;
        }
        java.util.List<String> deciders = t.getApprovalDeciders() == null || t.getApprovalDeciders().isEmpty()
                ? java.util.List.of() : java.util.List.of(t.getApprovalDeciders().split(","));
        return new org.atrium.api.approval.ApprovalOutcome(t.getApprovalState(), t.getApprovalStage(), t.getApprovalDecidedAt(), deciders);
    }

    public static Comment toDto(CommentEntity c) {
        return new Comment(c.getId(), c.getAuthor(), c.getBody(), c.isInternal(), c.getCreatedAt());
    }

    public static HistoryEntry toDto(HistoryEntity h) {
        return new HistoryEntry(h.getId(), h.getAt(), h.getActor(), h.getAction(), h.getField(), h.getBefore(), h.getAfter());
    }
}
