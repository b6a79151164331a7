package org.atrium.api.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevelTest {

    @Test
    void parsesCaseInsensitivelyAndTrims() {
        assertEquals(Optional.of(Level.HIGH), Level.parse("high"));
        assertEquals(Optional.of(Level.HIGH), Level.parse("HIGH"));
        assertEquals(Optional.of(Level.MEDIUM), Level.parse("Medium"));
        assertEquals(Optional.of(Level.LOW), Level.parse("  low \t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "critical", "hi", "p1", "1", "HIGH!", "lo w"})
    void rejectsAnythingElse(String text) {
        assertTrue(Level.parse(text).isEmpty(), text);
    }

    @Test
    void nullIsEmpty() {
        assertTrue(Level.parse(null).isEmpty());
    }

    @Test
    void jsonIsLowerCaseAndParsesBack() {
        for (Level level : Level.values()) {
            assertEquals(level.name().toLowerCase(), level.json());
            assertEquals(Optional.of(level), Level.parse(level.json()));
        }
    }
}
