package org.atrium.api.search;

import java.util.List;

import org.atrium.api.ticket.Ticket;

/**
 * One ticket found, with where the text matched: {@code key}, {@code summary}, {@code description},
 * {@code fields} (free-text form values), {@code comment} (public comments) and, for the
 * department's agents only, {@code internalComment}. {@code score} orders the hits (higher first).
 */
public record SearchHit(Ticket ticket, List<String> matches, int score) {
    public SearchHit {
        matches = List.copyOf(matches);
    }
}
