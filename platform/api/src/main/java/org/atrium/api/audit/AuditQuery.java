package org.atrium.api.audit;

import java.time.Instant;

/**
 * A window of the audit trail.
 *
 * @param from   inclusive; null: no lower bound
 * @param to     exclusive; null: now
 * @param actor  a login; null: everyone
 * @param action one action; null: all
 * @param limit  1..200
 * @param cursor from a previous page's {@link AuditPage#nextCursor()}, or null
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, int limit, String cursor) {
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
}
