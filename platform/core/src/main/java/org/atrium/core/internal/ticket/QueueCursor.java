package org.atrium.core.internal.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.atrium.api.ValidationException;

/**
 * Position in the queue order (priority, id), encoded opaquely so that clients do not build
 * cursors themselves. Keyset paging: page N costs the same as page 1.
 */
record QueueCursor(int priority, long id) {

    String encode() {
        String plain = priority + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static QueueCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new QueueCursor(Integer.parseInt(plain.substring(0, colon)), Long.parseLong(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "is not a cursor this server handed out");
        }
    }
}
