package org.atrium.core.internal.search;

import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.core.internal.privacy.FieldKinds;

/**
 * Indexes the tickets written before the search index existed, a batch per transaction, in id order.
 * The next id is kept in ticket_search_backfill, so a restart resumes where the last batch committed;
 * each batch first locks that row, so several nodes take turns instead of indexing a ticket twice.
 * Tickets written since the index exists are indexed by their own change and skipped here.
 */
public final class SearchBackfill {
    private SearchBackfill() {
    }

    /** What one batch did: tickets indexed, the next id to look at, and whether the backfill is done. */
    public record Progress(int indexed, long next, boolean finished) {
    }

    public static Progress batch(EntityManager em, FieldKinds kinds, int size) {
        // the lock: a second node waits here until this batch commits, then continues after it
        int open = em.createNativeQuery("UPDATE ticket_search_backfill SET next_ticket = next_ticket WHERE id = 1 AND finished = ?")
                .setParameter(1, Boolean.FALSE).executeUpdate();
        if (open == 0) {
            return new Progress(0, -1, true);
        }
        long next = ((Number) em.createNativeQuery("SELECT next_ticket FROM ticket_search_backfill WHERE id = 1").getSingleResult()).longValue();
        List<?> ids = em.createNativeQuery("SELECT id FROM ticket WHERE id >= ? ORDER BY id OFFSET 0 ROWS FETCH NEXT " + size + " ROWS ONLY")
                .setParameter(1, next).getResultList();
        int indexed = 0;
        for (Object value : ids) {
            long id = ((Number) value).longValue();
            next = id + 1;
            boolean has = !em.createNativeQuery("SELECT ticket_id FROM ticket_search_term WHERE ticket_id = ? OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY")
                    .setParameter(1, id).getResultList().isEmpty();
            if (!has) {
                SearchIndex.rebuild(em, id, kinds);
                indexed++;
            }
        }
        boolean finished = ids.size() < size;
        em.createNativeQuery("UPDATE ticket_search_backfill SET next_ticket = ?, finished = ? WHERE id = 1")
                .setParameter(1, next).setParameter(2, finished).executeUpdate();
        return new Progress(indexed, next, finished);
    }
}
