package org.atrium.api.search;

import java.util.List;

/**
 * Where a hit matched: the {@code field} (as {@link SearchHit#matches()} names them), a short excerpt
 * of its text ({@code …} where it was cut) and the searched words' places in the excerpt, each
 * {@code [start, end)} in UTF-16 chars. Only from what the caller may read (an internal comment only
 * for the agents of the ticket's department).
 */
public record SearchSnippet(String field, String text, List<List<Integer>> highlights) {
    public SearchSnippet {
        highlights = highlights.stream().map(List::copyOf).toList();
    }
}
