package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.ticket.TicketLookup.visibleTicket;

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
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/** What a caller may read of tickets: one ticket, the queue, comments and history. */
final class TicketReads {
    private final Database db;
    private final WorkflowSteps steps;
    private final GroupRule groups;
    private final CursorKey cursorKey;
    /** What approvers may read of tickets they decide; set once the approval desk exists. */
    private ApprovalDesk approvals;

    TicketReads(Database db, WorkflowSteps steps, GroupRule groups) {
        this.db = db;
        this.steps = steps;
        this.groups = groups;
        this.cursorKey = new CursorKey(db);
    }

    void approvals(ApprovalDesk approvals) {
        this.approvals = approvals;
    }

    /** The ticket; an approver who may not otherwise see it reads only what their stages show. */
    public Ticket get(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = TicketLookup.find(em, key);
            if (TicketAccess.canSee(caller, ticket)) {
                return TicketMapper.toDto(ticket);
            }
            java.util.Optional<java.util.Set<String>> shown = approvals.shownTo(em, caller, ticket);
            if (shown.isPresent()) {
                return ApprovalDesk.approverView(TicketMapper.toDto(ticket), shown.get());
            }
            TicketAccess.checkVisible(caller, ticket);
            return TicketMapper.toDto(ticket);
        });
    }

    public TicketPage list(Caller caller, TicketQuery query) {
        QueueRequest request = QueueRequest.check(caller, query, steps.knownStates(), groups.configured(), cursorKey);
        return db.read(em -> {
            List<TicketEntity> rows = TicketQueries.page(em, caller, request);
            int limit = request.query().limit();
            boolean more = rows.size() > limit;
            List<TicketEntity> page = more ? rows.subList(0, limit) : rows;
            String next = more ? QueueCursor.after(request.sort(), page.get(page.size() - 1)).encode(cursorKey) : null;
            return new TicketPage(page.stream().map(TicketMapper::toDto).toList(), next);
        });
    }

    public List<Comment> comments(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            boolean seesInternal = TicketAccess.canWork(caller, ticket);
            return em.createQuery("SELECT c FROM CommentEntity c WHERE c.ticketId = :id ORDER BY c.id", CommentEntity.class)
                    .setParameter("id", ticket.getId()).getResultList().stream()
                    .filter(c -> seesInternal || !c.isInternal())
                    .map(TicketMapper::toDto).toList();
        });
    }

    public List<HistoryEntry> history(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            boolean seesInternal = TicketAccess.canWork(caller, ticket);
            return em.createQuery("SELECT h FROM HistoryEntity h WHERE h.ticketId = :id ORDER BY h.id", HistoryEntity.class)
                    .setParameter("id", ticket.getId()).getResultList().stream()
                    .filter(h -> seesInternal || !("commented".equals(h.getAction()) && "internal".equals(h.getField())))
                    .map(TicketMapper::toDto).toList();
        });
    }
}
