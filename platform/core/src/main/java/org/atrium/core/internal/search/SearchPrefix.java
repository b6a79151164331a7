package org.atrium.core.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * Search as one types: the last word, when the text does not end with a space and the word has at least
 * {@link #MIN_LETTERS} letters, also matches the indexed terms it begins ("druck": "drucker",
 * "druckerpatron"), at most {@link #MAX_TERMS} of them (the shortest first), so a short prefix cannot
 * make a slow search.
 */
public final class SearchPrefix {
    public static final int MIN_LETTERS = 3;
    public static final int MAX_TERMS = 16;

    private SearchPrefix() {
    }

    /** The search's words (each a set of forms, as analysed) with the last one's forms widened by its completions. */
    public static List<Set<String>> expandLast(EntityManager em, String text, List<Set<String>> words) {
        if (words.isEmpty() || text == null || text.isEmpty() || !Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
            return words;
        }
        List<SearchTerms.Word> typed = SearchTerms.words(text, true);
        if (typed.isEmpty()) {
            return words;
        }
        SearchTerms.Word last = typed.get(typed.size() - 1);
        int at = words.indexOf(last.forms());
        if (at < 0 || last.text().length() < MIN_LETTERS || last.forms().size() == 1 && last.text().contains("-")) {
            return words; // a stop word left out of the search, a short start or a ticket key: searched as it is
        }
        Set<String> widened = new LinkedHashSet<>(words.get(at));
        widened.addAll(SearchQueries.expand(em, SearchTerms.prefixes(last), MAX_TERMS));
        List<Set<String>> expanded = new ArrayList<>(words);
        expanded.set(at, widened);
        return expanded;
    }
}
