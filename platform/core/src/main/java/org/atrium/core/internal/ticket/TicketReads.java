package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.ticket.TicketLookup.permitted;

import java.util.ArrayList;
import java.util.List;
import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Comment;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.access.View;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.audit.ConfidentialReads;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/** What a caller may read of tickets: one ticket, the queue, comments and history. */
final class TicketReads {
    private final Database db;
    private final WorkflowSteps steps;
    private final GroupRule groups;
    private final ConfidentialReads audit;
    private final CursorKey cursorKey;
    /** What approvers may read of tickets they decide; set once the approval desk exists. */
    private ApprovalDesk approvals;

    TicketReads(Database db, WorkflowSteps steps, GroupRule groups) {
        this.db = db;
        this.steps = steps;
        this.groups = groups;
        this.audit = new ConfidentialReads(db, java.time.Clock.systemUTC());
        this.cursorKey = new CursorKey(db);
    }

    void approvals(ApprovalDesk approvals) {
        this.approvals = approvals;
    }

    /** The ticket; an approver who may not otherwise see it reads only what their stages show. */
    public Ticket get(Caller caller, String key) {
        Ticket read = db.read(em -> {
            TicketEntity ticket = TicketLookup.find(em, key);
            View view = TicketAccessPolicy.check(TicketAction.READ, caller, ticket, () -> approvals.shownTo(em, caller, ticket).isPresent());
            Ticket full = TicketMapper.toDto(ticket).withRating(org.atrium.core.internal.rating.Ratings.of(em, ticket.getId()).orElse(null))
                    .withSlaWarnAt(SlaWarnings.warnAt(em, List.of(ticket)).get(ticket.getId()));
            return view == View.FULL ? full : ApprovalDesk.approverView(full, approvals.shownTo(em, caller, ticket).orElseThrow());
        });
        audit.read(caller, read.confidential(), read.key(), read.department());
        return read;
    }

    public TicketPage list(Caller caller, TicketQuery query) {
        QueueRequest request = QueueRequest.check(caller, query, steps.knownStates(), groups.configured(), cursorKey);
        return db.read(em -> {
            List<TicketEntity> rows = TicketQueries.page(em, caller, request);
            int limit = request.query().limit();
            boolean more = rows.size() > limit;
            List<TicketEntity> page = more ? rows.subList(0, limit) : rows;
            String next = more ? QueueCursor.after(request.sort(), page.get(page.size() - 1)).encode(cursorKey) : null;
            return new TicketPage(SlaWarnings.of(em, page, page.stream().map(TicketMapper::toDto).toList()), next);
        });
    }

    public List<Comment> comments(Caller caller, String key) {
        TicketEntity[] seen = new TicketEntity[1];
        List<Comment> comments = db.read(em -> {
            TicketEntity ticket = seen[0] = permitted(em, caller, key, TicketAction.READ_RECORD);
            boolean seesInternal = TicketAccessPolicy.allows(TicketAction.READ_INTERNAL, caller, ticket, () -> false);
            return em.createQuery("SELECT c FROM CommentEntity c WHERE c.ticketId = :id ORDER BY c.id", CommentEntity.class)
                    .setParameter("id", ticket.getId()).getResultList().stream()
                    .filter(c -> seesInternal || !c.isInternal())
                    .map(TicketMapper::toDto).toList();
        });
        audit.read(caller, seen[0].isConfidential(), seen[0].getKey(), seen[0].getDepartment());
        return comments;
    }

    public List<HistoryEntry> history(Caller caller, String key) {
        TicketEntity[] seen = new TicketEntity[1];
        List<HistoryEntry> history = db.read(em -> {
            TicketEntity ticket = seen[0] = permitted(em, caller, key, TicketAction.READ_RECORD);
            boolean seesInternal = TicketAccessPolicy.allows(TicketAction.READ_INTERNAL, caller, ticket, () -> false);
            return em.createQuery("SELECT h FROM HistoryEntity h WHERE h.ticketId = :id ORDER BY h.id", HistoryEntity.class)
                    .setParameter("id", ticket.getId()).getResultList().stream()
                    .filter(h -> seesInternal || !("commented".equals(h.getAction()) && "internal".equals(h.getField())))
                    .map(TicketMapper::toDto).toList();
        });
        audit.read(caller, seen[0].isConfidential(), seen[0].getKey(), seen[0].getDepartment());
        return history;
    }
}
