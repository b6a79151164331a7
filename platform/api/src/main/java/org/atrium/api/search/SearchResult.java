package org.atrium.api.search;

import java.util.Map;

/** A page of hits and, by ticket key, the snippet of each hit that has one (a hit found by its key alone has none). */
public record SearchResult(SearchPage page, Map<String, SearchSnippet> snippets) {
    public SearchResult {
        snippets = Map.copyOf(snippets);
    }
}
