package org.atrium.core.internal.rating;

import java.util.Optional;

import javax.persistence.EntityManager;

import org.atrium.api.rating.Rating;
import org.atrium.core.internal.persistence.RatingEntity;

/** A ticket's rating as callers get it; also for the ticket's own representation (TicketReads). */
public final class Ratings {
    private Ratings() {
    }

    public static Optional<Rating> of(EntityManager em, long ticketId) {
        return Optional.ofNullable(em.find(RatingEntity.class, ticketId)).map(Ratings::toDto);
    }

    static Rating toDto(RatingEntity r) {
        return new Rating(r.getScore(), r.getComment(), r.getRatedBy(), r.getRatedAt());
    }
}
