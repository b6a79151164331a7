package org.atrium.core.internal.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.atrium.api.ValidationException;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Position in a queue order: the sort, the last ticket's value in it and its id, encoded opaquely so
 * that clients do not build cursors themselves, and signed with the installation's key (CursorKey): a
 * cursor the server did not hand out is a 400 naming {@code cursor}. Keyset paging: page N costs the
 * same as page 1. A cursor belongs to the sort it was handed out for.
 */
record QueueCursor(QueueSort sort, Object value, long id) {

    static QueueCursor after(QueueSort sort, TicketEntity last) {
        return new QueueCursor(sort, sort.parameter(sort.cursorValue(last)), last.getId());
    }

    String encode(CursorKey key) {
        String plain = sort.json() + "|" + (value == null ? "" : value) + "|" + id; // null: no due time (sort=sla)
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(key.sign(plain));
    }

    static QueueCursor decode(String cursor, QueueSort expected, CursorKey key) {
        String plain;
        byte[] signature;
        try {
            int dot = cursor.indexOf('.');
            plain = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        } catch (RuntimeException e) {
            throw notOurs();
        }
        if (!key.verify(plain, signature)) { // outside the catch: a database that fails to give the key is no client error
            throw notOurs();
        }
        String[] parts = plain.split("\\|", -1);
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
