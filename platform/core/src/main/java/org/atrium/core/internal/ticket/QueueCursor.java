package org.atrium.core.internal.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.atrium.api.ValidationException;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Position in a queue order: the sort, the last ticket's value in it and its id, encoded opaquely so
 * that clients do not build cursors themselves. Keyset paging: page N costs the same as page 1. A
 * cursor belongs to the sort it was handed out for.
 */
record QueueCursor(QueueSort sort, Object value, long id) {

    static QueueCursor after(QueueSort sort, TicketEntity last) {
        return new QueueCursor(sort, sort.parameter(sort.cursorValue(last)), last.getId());
    }

    String encode() {
        String plain = sort.json() + "|" + (value == null ? "" : value) + "|" + id; // null: no due time (sort=sla)
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static QueueCursor decode(String cursor, QueueSort expected) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (RuntimeException e) {
            throw notOurs();
        }
        if (parts.length != 3) {
            throw notOurs();
        }
        QueueSort sort = QueueSort.parse(parts[0]).orElseThrow(QueueCursor::notOurs);
        if (sort != expected) {
            throw new ValidationException("cursor", "continues the order sort=" + sort.json() + ", not sort=" + expected.json()
                    + ": start again without a cursor");
        }
        try {
            return new QueueCursor(sort, sort.parameter(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    private static ValidationException notOurs() {
        return new ValidationException("cursor", "is not a cursor this server handed out");
    }
}
