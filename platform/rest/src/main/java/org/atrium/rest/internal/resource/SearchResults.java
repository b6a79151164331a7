package org.atrium.rest.internal.resource;

import java.util.List;

import org.atrium.api.search.SearchHit;
import org.atrium.api.search.SearchPage;
import org.atrium.api.ticket.Ticket;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code GET /tickets?q=} as JSON: the queue's page shape, each item the ticket as the queue shows it
 * plus {@code matches} (where the text was found) and {@code score} (the rank, higher first), so a
 * client that lists tickets lists hits unchanged.
 */
final class SearchResults {
    private SearchResults() {
    }

    record Page(List<Hit> items, String nextCursor) {
    }

    @JsonPropertyOrder({"key", "matches", "score"})
    static final class Hit {
        private final Ticket ticket;
        private final List<String> matches;
        private final int score;

        Hit(SearchHit hit) {
            this.ticket = hit.ticket();
            this.matches = hit.matches();
            this.score = hit.score();
        }

        @JsonUnwrapped
        public Ticket getTicket() {
            return ticket;
        }

        public List<String> getMatches() {
            return matches;
        }

        public int getScore() {
            return score;
        }
    }

    static Page of(SearchPage page) {
        return new Page(page.items().stream().map(Hit::new).toList(), page.nextCursor());
    }
}
