package org.atrium.core.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * The first page of a several-word search with the cost of the page, not of the matches (a threshold
 * algorithm): each term's visible rows are read off ticket_search_rank_order in score order, a batch at
 * a time; each ticket met is ranked exactly by its rows of all the search's terms, read by primary key
 * (ticket_id, term). Reading stops when no ticket not yet met can rank above the page: such a ticket
 * holds only words whose terms are not read to the end (a rare word is read to the end in the first
 * batch, so its tickets are all known), its score is at most the sum of the scores each unfinished
 * term is read down to, and at that sum its id is below the highest id those terms stopped at. Same
 * order as {@link SearchQueries#rank}: more words, then the summed score, then the newer ticket. A
 * search that reads more than {@link #MAX_ROWS} rows without settling (two common words that seldom
 * meet) is ranked by {@link SearchQueries#rank}, which groups every row of its terms.
 */
public final class SeveralWordsRanking {
    /** Rows read off the rank index before the grouping query is cheaper than reading on. */
    static final int MAX_ROWS = 20_000;
    /** Tickets ranked by one query: PostgreSQL takes at most 32,767 parameters, and long IN lists plan slowly. */
    private static final int RANKED_AT_ONCE = 500;

    private static final Comparator<SearchQueries.Ranked> BEST_FIRST = Comparator.comparingInt(SearchQueries.Ranked::words)
            .thenComparingInt(SearchQueries.Ranked::score).thenComparingLong(SearchQueries.Ranked::ticketId).reversed();

    private final EntityManager em;
    private final List<Set<String>> words;
    private final SearchQueries.Scope scope;
    private final List<TermRows> streams = new ArrayList<>();
    private final Map<Long, SearchQueries.Ranked> met = new HashMap<>();
    private int rowsRead;

    private SeveralWordsRanking(EntityManager em, List<Set<String>> words, SearchQueries.Scope scope) {
        this.em = em;
        this.words = words;
        this.scope = scope;
        Set<String> terms = new LinkedHashSet<>();
        words.forEach(terms::addAll);
        terms.forEach(term -> streams.add(new TermRows(term)));
    }

    /** Up to {@code limit} hits after the first {@code offset}, best first, exactly as {@link SearchQueries#rank}. */
    public static List<SearchQueries.Ranked> rank(EntityManager em, List<Set<String>> words, SearchQueries.Scope scope, int offset, int limit) {
        return new SeveralWordsRanking(em, words, scope).page(offset, limit);
    }

    private List<SearchQueries.Ranked> page(int offset, int limit) {
        int wanted = offset + limit;
        int batch = wanted + 1;
        while (true) {
            Set<Long> newlyMet = new HashSet<>();
            for (TermRows stream : streams) {
                if (!stream.finished) {
                    for (long ticketId : stream.next(batch)) {
                        if (!met.containsKey(ticketId)) {
                            newlyMet.add(ticketId);
                        }
                    }
                }
            }
            List<Long> toRank = new ArrayList<>(newlyMet);
            for (int from = 0; from < toRank.size(); from += RANKED_AT_ONCE) {
                met.putAll(SearchQueries.rankTickets(em, toRank.subList(from, Math.min(toRank.size(), from + RANKED_AT_ONCE)), words, scope));
            }
            List<SearchQueries.Ranked> best = met.values().stream().sorted(BEST_FIRST).limit(wanted).toList();
            if (streams.stream().allMatch(stream -> stream.finished) || (best.size() == wanted && unmetRankBelow(best.get(wanted - 1)))) {
                return best.stream().skip(offset).toList();
            }
            if (rowsRead > MAX_ROWS) {
                return SearchQueries.rank(em, words, scope, offset, limit);
            }
            batch *= 2; // re-reading what is skipped stays below the rows read once
        }
    }

    /** Whether every ticket not met yet ranks below {@code last}. */
    private boolean unmetRankBelow(SearchQueries.Ranked last) {
        Set<String> unfinished = new HashSet<>();
        int words = 0;
        int score = 0;
        long id = Long.MIN_VALUE;
        for (TermRows stream : streams) {
            if (!stream.finished) {
                unfinished.add(stream.term);
                score += stream.lastScore;
                id = Math.max(id, stream.lastTicketId);
            }
        }
        for (Set<String> forms : this.words) {
            if (forms.stream().anyMatch(unfinished::contains)) {
                words++;
            }
        }
        if (last.words() != words) {
            return last.words() > words;
        }
        if (last.score() != score) {
            return last.score() > score;
        }
        return last.ticketId() >= id; // an unmet ticket at that score is below every id its terms stopped at
    }

    /** One term's visible rows in rank order, read a batch at a time. */
    private final class TermRows {
        final String term;
        int read;
        boolean finished;
        int lastScore;
        long lastTicketId;

        TermRows(String term) {
            this.term = term;
        }

        List<Long> next(int count) {
            List<long[]> rows = SearchQueries.termRows(em, term, scope, read, count);
            rowsRead += read + rows.size(); // the rows skipped are read again
            read += rows.size();
            finished = rows.size() < count;
            List<Long> ids = new ArrayList<>(rows.size());
            for (long[] row : rows) {
                ids.add(row[0]);
                lastScore = (int) row[1];
                lastTicketId = row[0];
            }
            return ids;
        }
    }
}
