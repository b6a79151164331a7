package org.atrium.rest.internal.resource;

import java.util.List;

import org.atrium.api.search.SearchHit;
import org.atrium.api.search.SearchPage;
import org.atrium.api.search.SearchResult;
import org.atrium.api.search.SearchSnippet;
import org.atrium.api.ticket.Ticket;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code GET /tickets?q=} as JSON: the queue's page shape, each item the ticket as the queue shows it
 * plus {@code matches} (where the text was found), {@code score} (the rank, higher first) and
 * {@code snippet} (an excerpt where it matched with highlight offsets, or null), so a client that lists
 * tickets lists hits unchanged.
 */
final class SearchResults {
    private SearchResults() {
    }

    record Page(List<Hit> items, String nextCursor) {
    }

    @JsonPropertyOrder({"key", "matches", "score", "snippet"})
    static final class Hit {
        private final Ticket ticket;
        private final List<String> matches;
        private final int score;
        private final SearchSnippet snippet;

        Hit(SearchHit hit, SearchSnippet snippet) {
            this.ticket = hit.ticket();
            this.matches = hit.matches();
            this.score = hit.score();
            this.snippet = snippet;
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

        /** {@code {"field": "comment", "text": "…der Drucker zeigt…", "highlights": [[4, 11]]}}, or null. */
        public SearchSnippet getSnippet() {
            return snippet;
        }
    }

    static Page of(SearchPage page) {
        return new Page(page.items().stream().map(hit -> new Hit(hit, null)).toList(), page.nextCursor());
    }

    static Page of(SearchResult result) {
        return new Page(result.page().items().stream().map(hit -> new Hit(hit, result.snippets().get(hit.ticket().key()))).toList(),
                result.page().nextCursor());
    }
}
