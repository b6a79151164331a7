package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeySequencesTest {

    @Test
    void aPrefixNamesItsSequence() {
        assertEquals("ticket_key_it", KeySequences.name("IT"));
        assertEquals("ticket_key_fac", KeySequences.name("FAC"));
        assertEquals("ticket_key_1a2b3c4d5e", KeySequences.name("1A2B3C4D5E"), "a digit first is fine inside the name");
    }

    @Test
    void onlyValidPrefixesReachTheSql() {
        for (String bad : new String[] {null, "", "it", "IT-1", "IT'; DROP TABLE ticket; --", "ABCDEFGHIJK", "Ä"}) {
            assertThrows(IllegalArgumentException.class, () -> KeySequences.name(bad), String.valueOf(bad));
        }
    }

    @Test
    void takingANumberDiffersPerDatabase() {
        assertEquals("VALUES NEXT VALUE FOR ticket_key_it", KeySequences.nextValueSql(Dialect.DERBY, "ticket_key_it"));
        assertEquals("SELECT nextval('ticket_key_it')", KeySequences.nextValueSql(Dialect.POSTGRESQL, "ticket_key_it"));
        assertEquals("CREATE SEQUENCE ticket_key_it AS BIGINT START WITH 42", KeySequences.createSql("ticket_key_it", 42));
    }
}
