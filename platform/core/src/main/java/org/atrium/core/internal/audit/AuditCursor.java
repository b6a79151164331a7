package org.atrium.core.internal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.atrium.api.ValidationException;

/**
 * Where a page of the audit trail ended, in its order: time descending, then history rows ('h')
 * before audit rows ('a'), then id descending. Opaque to clients; anything it cannot read is a 400.
 */
record AuditCursor(Instant at, char source, long id) {
    static final char HISTORY = 'h';
    static final char EVENT = 'a';

    String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + source + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static AuditCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 4 || parts[2].length() != 1 || (parts[2].charAt(0) != HISTORY && parts[2].charAt(0) != EVENT)) {
                throw new IllegalArgumentException(cursor);
            }
            int nanos = Integer.parseInt(parts[1]);
            if (nanos < 0 || nanos > 999_999_999) {
                throw new IllegalArgumentException(cursor);
            }
            return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos), parts[2].charAt(0), Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "is not a cursor this server handed out");
        }
    }
}
