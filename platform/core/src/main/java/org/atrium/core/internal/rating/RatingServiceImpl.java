package org.atrium.core.internal.rating;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.rating.NewRating;
import org.atrium.api.rating.Rating;
import org.atrium.api.rating.RatingService;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.audit.ConfidentialReads;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.RatingEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.ticket.TicketLookup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The requester rates a resolved or closed ticket (1 to 5, an optional comment) and may change the
 * rating until the ticket is closed. Each rating or change is a history row "rated" (before and after:
 * the scores), which is what issue 13's satisfaction figures may fold.
 */
@Component(service = RatingService.class)
public class RatingServiceImpl implements RatingService {
    static final int MAX_COMMENT = 2000;
    static final String RATED = "rated";
    private final Database db;
    private final Clock clock;
    private final ConfidentialReads audit;

    @Activate
    public RatingServiceImpl(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    RatingServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new ConfidentialReads(db, clock);
    }

    @Override
    public Rating rate(Caller caller, String ticketKey, NewRating input) {
        int score = validated(input);
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        return db.inTransaction(em -> {
            TicketEntity seen = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
            if (!TicketAccessPolicy.isRequester(caller, seen)) {
                throw new ForbiddenException("Only the requester rates ticket " + seen.getKey());
            }
            // the ticket's row lock: two ratings at once do not both insert, and a concurrent close is seen
            TicketEntity ticket = em.createQuery("SELECT t FROM TicketEntity t WHERE t.id = :id", TicketEntity.class)
                    .setParameter("id", seen.getId()).setLockMode(javax.persistence.LockModeType.PESSIMISTIC_WRITE).getSingleResult();
            RatingEntity rating = em.find(RatingEntity.class, ticket.getId());
            String category = ticket.getStatusCategory();
            if (!"resolved".equals(category) && !"closed".equals(category)) {
                throw new ConflictException("Ticket " + ticket.getKey() + " is " + ticket.getStatus()
                        + ": a ticket is rated once it is resolved or closed", null);
            }
            if ("closed".equals(category) && rating != null) {
                throw new ConflictException("Ticket " + ticket.getKey() + " is closed: its rating can no longer change", null);
            }
            String before = rating == null ? null : String.valueOf(rating.getScore());
            if (rating == null) {
                rating = new RatingEntity(ticket.getId());
                em.persist(rating);
            }
            Instant now = clock.instant();
            rating.rate(score, comment, caller.user(), now);
            em.persist(new HistoryEntity(ticket.getId(), now, caller.user(), RATED, "rating", before, String.valueOf(score)));
            return Ratings.toDto(rating);
        });
    }

    private static int validated(NewRating input) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null || input.score() == null) {
            errors.add(new FieldError("score", "is required"));
        } else if (input.score() < 1 || input.score() > 5) {
            errors.add(new FieldError("score", "must be between 1 and 5"));
        }
        if (input != null && input.comment() != null && input.comment().length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return input.score();
    }

    @Override
    public Optional<Rating> rating(Caller caller, String ticketKey) {
        TicketEntity[] seen = new TicketEntity[1];
        Optional<Rating> rating = db.read(em -> {
            TicketEntity ticket = seen[0] = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
            return Ratings.of(em, ticket.getId());
        });
        audit.read(caller, seen[0].isConfidential(), seen[0].getKey(), seen[0].getDepartment());
        return rating;
    }
}
