package org.atrium.api.rating;

import java.time.Instant;

/** The requester's rating of a ticket: {@code score} 1 (poor) to 5 (excellent), {@code comment} optional. */
public record Rating(int score, String comment, String ratedBy, Instant ratedAt) {
}
