package org.atrium.api.search;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Full-text search within what the caller may see in full (the queue's visibility), best matches
 * first. Implementations check the caller on every call; department bundles never filter themselves.
 */
@ProviderType
public interface TicketSearch {
    /** At most this many results are reachable by paging: ranking a whole table for page 500 is not a search. */
    int MAX_RESULTS = 1_000;
    /** Longer search texts are refused (400 naming {@code q}). */
    int MAX_TEXT = 200;

    SearchPage search(Caller caller, SearchQuery query);

    /** {@link #search} with a snippet for each hit: where it matched, never from what the caller may not read. */
    SearchResult searchWithSnippets(Caller caller, SearchQuery query);
}
