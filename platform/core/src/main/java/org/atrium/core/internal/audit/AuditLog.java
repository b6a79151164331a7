package org.atrium.core.internal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.atrium.api.audit.AuditEntry;
import org.atrium.api.audit.AuditPage;
import org.atrium.api.audit.AuditQuery;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.access.PlatformAction;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.persistence.AuditEventEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.PersonIds;

/**
 * The administrators' view of the audit trail: ticket history rows (every change) and audit rows
 * (everything else), merged newest first. Each source is read by its time index, at most a page and
 * one more row each. The values of a confidential ticket's changes are shown only to that
 * department's agents: administering the platform is not reading HR cases.
 */
final class AuditLog {
    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::at).reversed()
            .thenComparing(entry -> entry.id().charAt(0) == AuditCursor.HISTORY ? 0 : 1)
            .thenComparing(Comparator.comparingLong(AuditLog::number).reversed());
    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    AuditPage find(Caller caller, AuditQuery query) {
        TicketAccessPolicy.check(PlatformAction.READ_AUDIT, caller);
        AuditCursor cursor = AuditCursor.decode(query.cursor());
        return db.read(em -> {
            List<AuditEntry> entries = new ArrayList<>(history(em, caller, query, cursor));
            entries.addAll(events(em, caller, query, cursor));
            entries.sort(NEWEST_FIRST);
            if (entries.size() <= query.limit()) {
                return new AuditPage(entries, null);
            }
            List<AuditEntry> page = entries.subList(0, query.limit());
            AuditEntry last = page.get(page.size() - 1);
            return new AuditPage(page, new AuditCursor(last.at(), last.id().charAt(0), number(last)).encode());
        });
    }

    private List<AuditEntry> history(EntityManager em, Caller caller, AuditQuery query, AuditCursor cursor) {
        StringBuilder jpql = new StringBuilder("SELECT h, t.key, t.department, t.confidential FROM HistoryEntity h, TicketEntity t"
                + " WHERE t.id = h.ticketId AND h.at < :to");
        if (query.from() != null) {
            jpql.append(" AND h.at >= :from");
        }
        if (query.actor() != null) {
            jpql.append(" AND h.actor = :actor");
        }
        if (query.action() != null) {
            jpql.append(" AND h.action = :action");
        }
        if (cursor != null) {
            jpql.append(cursor.source() == AuditCursor.HISTORY ? " AND (h.at < :cat OR (h.at = :cat AND h.id < :cid))" : " AND h.at < :cat");
        }
        jpql.append(" ORDER BY h.at DESC, h.id DESC");
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
        bind(q, query, cursor, cursor != null && cursor.source() == AuditCursor.HISTORY);
        List<AuditEntry> entries = new ArrayList<>();
        for (Object[] row : q.setMaxResults(query.limit() + 1).getResultList()) {
            HistoryEntity h = (HistoryEntity) row[0];
            boolean hidden = Boolean.TRUE.equals(row[3]) && !caller.isAgentOf((String) row[2]);
            entries.add(new AuditEntry(AuditCursor.HISTORY + "-" + h.getId(), h.getAt(), h.getActor(), h.getAction(), (String) row[1],
                    null, h.getField(), hidden ? null : h.getBefore(), hidden ? null : h.getAfter(), h.getClientAddress(), hidden));
        }
        return entries;
    }

    private List<AuditEntry> events(EntityManager em, Caller caller, AuditQuery query, AuditCursor cursor) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEventEntity e WHERE e.at < :to");
        if (query.from() != null) {
            jpql.append(" AND e.at >= :from");
        }
        String actorId = null;
        if (query.actor() != null) {
            actorId = PersonIds.current().existingIdOf(query.actor());
            if (actorId == null) {
                return List.of();
            }
            jpql.append(" AND e.actor = :actor");
        }
        if (query.action() != null) {
            jpql.append(" AND e.action = :action");
        }
        if (cursor != null) {
            jpql.append(cursor.source() == AuditCursor.EVENT ? " AND (e.at < :cat OR (e.at = :cat AND e.id < :cid))" : " AND e.at <= :cat");
        }
        jpql.append(" ORDER BY e.at DESC, e.id DESC");
        TypedQuery<AuditEventEntity> q = em.createQuery(jpql.toString(), AuditEventEntity.class);
        q.setParameter("to", query.to());
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (actorId != null) {
            q.setParameter("actor", actorId);
        }
        if (query.action() != null) {
            q.setParameter("action", query.action());
        }
        if (cursor != null) {
            q.setParameter("cat", cursor.at());
            if (cursor.source() == AuditCursor.EVENT) {
                q.setParameter("cid", cursor.id());
            }
        }
        PersonIds people = PersonIds.current();
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEventEntity e : q.setMaxResults(query.limit() + 1).getResultList()) {
            boolean hidden = e.isConfidential() && !caller.isAgentOf(e.getDepartment());
            String ticket = e.getDetail();
            String target = e.getTarget() == null || e.getTarget().equals(ticket) ? null : people.loginOf(e.getTarget());
            entries.add(new AuditEntry(AuditCursor.EVENT + "-" + e.getId(), e.getAt(), people.loginOf(e.getActor()), e.getAction(),
                    ticket, target, null, null, null, e.getClientAddress(), hidden));
        }
        return entries;
    }

    private static void bind(TypedQuery<?> q, AuditQuery query, AuditCursor cursor, boolean withId) {
        q.setParameter("to", query.to());
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.actor() != null) {
            q.setParameter("actor", query.actor());
        }
        if (query.action() != null) {
            q.setParameter("action", query.action());
        }
        if (cursor != null) {
            q.setParameter("cat", cursor.at());
            if (withId) {
                q.setParameter("cid", cursor.id());
            }
        }
    }

    private static long number(AuditEntry entry) {
        return Long.parseLong(entry.id().substring(2));
    }

}
