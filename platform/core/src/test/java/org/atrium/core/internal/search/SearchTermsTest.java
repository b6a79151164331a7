package org.atrium.core.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    private static Set<String> forms(String text) {
        List<SearchTerms.Word> words = SearchTerms.words(text, true);
        assertEquals(1, words.size(), "one word in '" + text + "': " + words);
        return words.get(0).forms();
    }

    private static boolean meet(String a, String b) {
        return !Collections.disjoint(forms(a), forms(b));
    }

    @Test
    void germanInflectionsMeet() {
        assertTrue(meet("Drucker", "Druckers"));
        assertTrue(meet("Drucker", "Druckern"));
        assertTrue(meet("Rechnung", "Rechnungen"));
    }

    @Test
    void englishInflectionsMeet() {
        assertTrue(meet("printer", "printers"));
        assertTrue(meet("printing", "prints"));
        assertTrue(meet("laptop's", "laptops"));
    }

    @Test
    void umlautsAndSharpSFoldSoTypingWithoutThemFinds() {
        assertTrue(meet("Gebäude", "Gebaude"));
        assertTrue(meet("Schlüssel", "Schluessel"));
        assertTrue(meet("Straße", "Strasse"));
    }

    @Test
    void caseDoesNotMatter() {
        assertEquals(forms("VPN"), forms("vpn"));
        assertEquals(forms("Drucker"), forms("DRUCKER"));
    }

    @Test
    void differentWordsStayApart() {
        assertFalse(meet("printer", "paper"));
        assertFalse(meet("Drucker", "Drache"));
    }

    @Test
    void ticketKeysAreKeptWholeBesidesTheirParts() {
        List<SearchTerms.Word> words = SearchTerms.words("see INC-42 and it-7, not x-1-2", false);
        Set<String> whole = words.stream().filter(w -> w.text().contains("-")).map(SearchTerms.Word::text).collect(Collectors.toSet());
        assertEquals(Set.of("inc-42", "it-7"), whole);
        assertTrue(words.stream().anyMatch(w -> w.forms().contains("42")), "the number alone is found too: " + words);
    }

    @Test
    void stopWordsAreLeftOutOfIndexedTextButKeptWhenTheyAreAllASearchHas() {
        assertEquals(List.of("drucker", "printer"), SearchTerms.words("Der Drucker and the printer", false).stream()
                .map(SearchTerms.Word::text).toList());
        assertEquals(List.of("it"), SearchTerms.words("IT", true).stream().map(SearchTerms.Word::text).toList());
    }

    @Test
    void punctuationAloneHasNoWords() {
        assertTrue(SearchTerms.words("?! -- ...", true).isEmpty());
        assertTrue(SearchTerms.words(null, true).isEmpty());
    }

    @Test
    void overlongTokensAreNotTerms() {
        assertTrue(SearchTerms.words("a".repeat(SearchTerms.MAX_TERM + 1), true).isEmpty());
    }
}
