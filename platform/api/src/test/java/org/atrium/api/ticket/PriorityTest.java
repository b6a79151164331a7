package org.atrium.api.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    /** The matrix of the Priority javadoc, row by row. */
    @ParameterizedTest(name = "impact {0}, urgency {1} -> {2}")
    @CsvSource({
            "HIGH,   HIGH,   P1",
            "HIGH,   MEDIUM, P2",
            "HIGH,   LOW,    P3",
            "MEDIUM, HIGH,   P2",
            "MEDIUM, MEDIUM, P3",
            "MEDIUM, LOW,    P4",
            "LOW,    HIGH,   P3",
            "LOW,    MEDIUM, P4",
            "LOW,    LOW,    P4"})
    void matrix(Level impact, Level urgency, Priority expected) {
        assertEquals(expected, Priority.of(impact, urgency));
    }

    @Test
    void matrixIsSymmetricAndCoversEveryCombination() {
        Set<Priority> seen = EnumSet.noneOf(Priority.class);
        for (Level impact : Level.values()) {
            for (Level urgency : Level.values()) {
                assertEquals(Priority.of(impact, urgency), Priority.of(urgency, impact));
                seen.add(Priority.of(impact, urgency));
            }
        }
        assertEquals(EnumSet.allOf(Priority.class), seen);
    }

    @Test
    void rankRoundTrips() {
        assertEquals(1, Priority.P1.rank());
        assertEquals(4, Priority.P4.rank());
        for (Priority priority : Priority.values()) {
            assertEquals(priority, Priority.ofRank(priority.rank()));
        }
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> Priority.ofRank(0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> Priority.ofRank(5));
    }
}
