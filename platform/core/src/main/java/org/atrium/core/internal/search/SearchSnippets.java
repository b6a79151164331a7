package org.atrium.core.internal.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.atrium.api.search.SearchSnippet;

/**
 * Where a hit matched, as a short excerpt with the searched words' places in it: from the first field,
 * in the order of their weight, that the ranking query reported as a match for this caller (so an
 * internal comment only where the caller reads those), and in that field the first text that holds a
 * searched term. Offsets count UTF-16 chars of the excerpt, as a browser's string does.
 */
public final class SearchSnippets {
    /** Characters kept before the first highlighted word, and after it. */
    static final int BEFORE = 40;
    static final int AFTER = 100;
    static final String ELLIPSIS = "\u2026";

    private SearchSnippets() {
    }

    /** The texts of one hit by field; {@code matched}: the fields the query found the words in for this caller. */
    public static Optional<SearchSnippet> of(Map<SearchField, List<String>> texts, Set<SearchField> matched, Set<String> terms) {
        for (SearchField field : SearchField.values()) {
            if (!matched.contains(field)) {
                continue;
            }
            for (String text : texts.getOrDefault(field, List.of())) {
                Optional<SearchSnippet> snippet = excerpt(field, text, terms);
                if (snippet.isPresent()) {
                    return snippet;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<SearchSnippet> excerpt(SearchField field, String text, Set<String> terms) {
        if (text == null) {
            return Optional.empty();
        }
        List<int[]> hits = new ArrayList<>();
        if (field == SearchField.KEY && terms.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            hits.add(new int[] {0, text.length()}); // the whole key ("IT-42"), else its parts below
        } else {
            for (SearchTerms.Located word : SearchTerms.located(text)) {
                if (!Collections.disjoint(word.forms(), terms)) {
                    hits.add(new int[] {word.start(), word.end()});
                }
            }
        }
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        int start = Math.min(wordStart(text, Math.max(0, hits.get(0)[0] - BEFORE)), hits.get(0)[0]);
        int end = Math.max(wordEnd(text, Math.min(text.length(), hits.get(0)[1] + AFTER)), hits.get(0)[1]);
        String lead = start > 0 ? ELLIPSIS : "";
        String excerpt = lead + text.substring(start, end).replaceAll("\\s", " ") + (end < text.length() ? ELLIPSIS : "");
        List<List<Integer>> highlights = new ArrayList<>();
        for (int[] hit : hits) {
            if (hit[1] <= end) {
                highlights.add(List.of(hit[0] - start + lead.length(), hit[1] - start + lead.length()));
            }
        }
        return Optional.of(new SearchSnippet(field.json(), excerpt, highlights));
    }

    /** Moved forward to the start of a word, so an excerpt does not begin mid-word. */
    private static int wordStart(String text, int at) {
        if (at == 0 || Character.isWhitespace(text.charAt(at - 1))) {
            return at;
        }
        int space = text.indexOf(' ', at);
        return space < 0 ? at : Math.min(space + 1, text.length());
    }

    private static int wordEnd(String text, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', at);
        return space <= 0 ? at : space;
    }
}
