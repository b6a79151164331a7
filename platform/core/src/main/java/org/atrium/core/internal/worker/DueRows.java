package org.atrium.core.internal.worker;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.core.internal.persistence.Dialect;

/**
 * Claims the due rows of a table of work that is retried (outbox entries, webhook deliveries, queued
 * mails): the rows whose {@code next_attempt_at} has come, in the given order, at most {@code limit}.
 * On PostgreSQL they are locked {@code FOR UPDATE SKIP LOCKED} for the caller's transaction, so that
 * nodes claiming at once never get the same row; embedded Derby serves one node, whose claims run one
 * at a time.
 */
public final class DueRows {
    private DueRows() {
    }

    /**
     * @param table the table, whose rows map to {@code entity} and which has a {@code next_attempt_at} column
     * @param condition a further SQL condition on the row, or null
     * @param order the SQL {@code ORDER BY} list
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> claim(EntityManager em, Dialect dialect, Class<T> entity, String table, String condition, String order,
            Instant now, int limit) {
        return em.createNativeQuery(select(dialect, "*", table, condition, order, limit), entity).setParameter(1, Timestamp.from(now))
                .getResultList();
    }

    /**
     * The same for a table that no entity maps (mail_message is plain SQL): the given columns, at least
     * two, of each claimed row.
     */
    @SuppressWarnings("unchecked")
    public static List<Object[]> claimColumns(EntityManager em, Dialect dialect, String columns, String table, String condition,
            String order, Instant now, int limit) {
        return em.createNativeQuery(select(dialect, columns, table, condition, order, limit)).setParameter(1, Timestamp.from(now))
                .getResultList();
    }

    private static String select(Dialect dialect, String columns, String table, String condition, String order, int limit) {
        return "SELECT " + columns + " FROM " + table + " WHERE next_attempt_at <= ?" + (condition == null ? "" : " AND " + condition)
                + " ORDER BY " + order + " FETCH FIRST " + limit + " ROWS ONLY" + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
    }
}
