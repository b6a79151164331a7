package org.atrium.api.rating;

/** A rating to set: {@code score} 1 to 5 (required), {@code comment} optional (at most 2000 characters). */
public record NewRating(Integer score, String comment) {
}
