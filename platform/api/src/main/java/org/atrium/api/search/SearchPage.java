package org.atrium.api.search;

import java.util.List;

/** One page of hits, best first; {@code nextCursor} is null on the last page (or at {@link TicketSearch#MAX_RESULTS}). */
public record SearchPage(List<SearchHit> items, String nextCursor) {
    public SearchPage {
        items = List.copyOf(items);
    }
}
