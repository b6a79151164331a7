package org.atrium.api.audit;

import java.time.Instant;

/**
 * One audited event.
 *
 * @param id       stable across pages: {@code h-} + the history row of a ticket change, {@code a-} + an audit row
 * @param at       when
 * @param actor    who: the login (the pseudonym once the person was erased); null for a failed login of an unknown name
 * @param action   a ticket history action (created, updated, transitioned, commented, ...) or one of {@link AuditTrail}'s
 * @param ticket   the ticket's key, or null
 * @param target   what else it concerns (the person exported or erased, by pseudonym once erased), or null
 * @param field    the ticket field changed, or null
 * @param before   the value before (null where the reader may not see confidential content)
 * @param after    the value after (as {@code before})
 * @param address  the client's address, where the request came over the API
 * @param redacted whether before/after were left out because the ticket is confidential to the reader
 */
public record AuditEntry(String id, Instant at, String actor, String action, String ticket, String target, String field,
        String before, String after, String address, boolean redacted) {
}
