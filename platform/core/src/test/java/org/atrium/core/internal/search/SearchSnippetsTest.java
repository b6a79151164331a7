package org.atrium.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.search.SearchSnippet;
import org.junit.jupiter.api.Test;

/** Excerpts and highlight offsets (pure text logic; which fields a caller may read is TicketSearchTest's). */
class SearchSnippetsTest {

    private static Set<String> terms(String search) {
        Set<String> terms = new HashSet<>();
        SearchTerms.words(search, true).forEach(word -> terms.addAll(word.forms()));
        return terms;
    }

    private static List<String> highlighted(SearchSnippet snippet) {
        return snippet.highlights().stream().map(range -> snippet.text().substring(range.get(0), range.get(1))).toList();
    }

    @Test
    void aLongTextIsCutAtSpacesAroundTheFirstHitAndTheOffsetsCountTheEllipsis() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor: der Drucker zeigt Fehler 0x42 "
                + "und die Druckers im zweiten Stock auch, " + "weiter ".repeat(30) + "Ende";
        SearchSnippet snippet = SearchSnippets.excerpt(SearchField.COMMENT, text, terms("Drucker")).orElseThrow();
        assertEquals("comment", snippet.field());
        assertTrue(snippet.text().startsWith("\u2026") && snippet.text().endsWith("\u2026"), snippet.text());
        assertTrue(snippet.text().length() < 160, snippet.text());
        assertEquals(List.of("Drucker", "Druckers"), highlighted(snippet), "every form of the word, German plural too");
        assertTrue(!Character.isWhitespace(snippet.text().charAt(1)) && text.contains(" " + snippet.text().substring(1, 10)),
                "starts at a word: " + snippet.text());
    }

    @Test
    void umlautsAndLineBreaksKeepTheOffsetsRight() {
        SearchSnippet snippet = SearchSnippets.excerpt(SearchField.DESCRIPTION, "Schlüssel\r\nfür Büro 3 verloren", terms("buro"))
                .orElseThrow();
        assertEquals("Schlüssel  für Büro 3 verloren", snippet.text());
        assertEquals(List.of("Büro"), highlighted(snippet));
    }

    @Test
    void theHeaviestMatchedFieldFirstAndNothingFromAFieldTheQueryDidNotMatch() {
        Map<SearchField, List<String>> texts = Map.of(SearchField.SUMMARY, List.of("Toner leer"),
                SearchField.INTERNAL_COMMENT, List.of("toner bei Müller bestellt"), SearchField.COMMENT, List.of("noch kein Toner da"));
        assertEquals("summary", SearchSnippets.of(texts, Set.of(SearchField.SUMMARY, SearchField.COMMENT), terms("toner")).orElseThrow().field());
        assertEquals("comment", SearchSnippets.of(texts, Set.of(SearchField.COMMENT), terms("toner")).orElseThrow().field());
        assertTrue(SearchSnippets.of(texts, Set.of(), terms("toner")).isEmpty(), "no matched field, no snippet");
        assertTrue(SearchSnippets.of(texts, Set.of(SearchField.COMMENT), terms("müller")).isEmpty(),
                "a word only in an internal comment gives no snippet where internal comments did not match");
    }

    @Test
    void aKeyIsHighlightedWhole() {
        SearchSnippet snippet = SearchSnippets.excerpt(SearchField.KEY, "IT-42", terms("IT-42")).orElseThrow();
        assertEquals(List.of(List.of(0, 5)), snippet.highlights());
    }
}
