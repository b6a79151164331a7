package org.atrium.api.rating;

import java.util.Optional;

import org.atrium.api.security.Caller;

/**
 * Ratings of tickets by their requesters. Only the requester rates, only a resolved or closed ticket
 * (409 otherwise), and may change the rating until the ticket is closed; each rating is a history row.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RatingService {
    Rating rate(Caller caller, String ticketKey, NewRating rating);

    /** The ticket's rating, for whoever may read the ticket's record; empty while unrated. */
    Optional<Rating> rating(Caller caller, String ticketKey);
}
