package org.atrium.example.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.atrium.api.ValidationException;
import org.junit.jupiter.api.Test;

class LegalMattersResourceTest {

    @Test
    void theLimitIsAWholeNumberFromOneToFifty() {
        assertEquals(20, LegalMattersResource.limit(null));
        assertEquals(1, LegalMattersResource.limit("1"));
        assertEquals(50, LegalMattersResource.limit("50"));
        for (String bad : new String[] {"0", "51", "ten", "", "1.5"}) {
            ValidationException refused = assertThrows(ValidationException.class, () -> LegalMattersResource.limit(bad), bad);
            assertEquals("limit", refused.errors().get(0).field());
        }
    }
}
