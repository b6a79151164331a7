package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AcceptedLanguageTest {

    @Test
    void noHeaderAsksForNoLanguage() {
        assertNull(AcceptedLanguage.of(null));
        assertNull(AcceptedLanguage.of("  "));
    }

    @Test
    void picksGermanOrEnglishByQuality() {
        assertEquals("de", AcceptedLanguage.of("de"));
        assertEquals("de", AcceptedLanguage.of("de-DE"));
        assertEquals("de", AcceptedLanguage.of("de-AT,de;q=0.9,en;q=0.8"));
        assertEquals("en", AcceptedLanguage.of("en-US,en;q=0.9"));
        assertEquals("en", AcceptedLanguage.of("de;q=0.5, en;q=0.8"));
        assertEquals("de", AcceptedLanguage.of("fr-CH, fr;q=0.9, de;q=0.7, en;q=0.5"));
        assertEquals("de", AcceptedLanguage.of("DE-de"));
    }

    @Test
    void equalQualityGoesToTheFirstNamed() {
        assertEquals("de", AcceptedLanguage.of("de, en"));
        assertEquals("en", AcceptedLanguage.of("en, de"));
    }

    @Test
    void fallsBackToEnglish() {
        assertEquals("en", AcceptedLanguage.of("fr"));
        assertEquals("en", AcceptedLanguage.of("de;q=0"));
        assertEquals("en", AcceptedLanguage.of("*"));
        assertEquals("en", AcceptedLanguage.of("de;q=abc"));
        assertEquals("en", AcceptedLanguage.of(";;,"));
    }

    @Test
    void wildcardStandsForTheLanguagesNotNamed() {
        assertEquals("de", AcceptedLanguage.of("en;q=0, *"));
        assertEquals("de", AcceptedLanguage.of("fr, *;q=0.5, en;q=0.1"));
    }

    @Test
    void resolvesTextsWithEnglishFallback() {
        assertEquals("Zeitraum", AcceptedLanguage.resolve(Map.of("de", "Zeitraum", "en", "Period"), "de"));
        assertEquals("Period", AcceptedLanguage.resolve(Map.of("en", "Period"), "de"));
        assertNull(AcceptedLanguage.resolve(Map.of(), "de"));
        assertNull(AcceptedLanguage.resolve(Map.of("de", "Zeitraum", "en", "Period"), null));
    }
}
