package org.atrium.api.ticket;

import java.time.Instant;

/** A comment; internal ones are seen only by agents of the ticket's department. */
public record Comment(long id, String author, String body, boolean internal, Instant createdAt) {
}
