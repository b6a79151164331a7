package org.atrium.core.internal.rating;

import java.time.Clock;

import org.atrium.api.rating.RatingService;
import org.atrium.core.internal.persistence.Database;

/** The rating service for tests of other packages. */
public final class TestRatings {
    private TestRatings() {
    }

    public static RatingService service(Database db, Clock clock) {
        return new RatingServiceImpl(db, clock);
    }
}
