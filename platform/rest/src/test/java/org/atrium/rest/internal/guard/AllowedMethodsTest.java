package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.atrium.rest.internal.resource.TicketResource;
import org.junit.jupiter.api.Test;

class AllowedMethodsTest {
    private final AllowedMethods allowed = new AllowedMethods(List.of(new TicketResource(null, null, null, null)));

    @Test
    void aTicketAnswersOnlyItsOwnMethodsNotThoseOfPathsBelowIt() {
        // CXF listed DELETE and POST here, which belong to /tickets/{key}/links/... and /tickets/{key}/comments
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PATCH"), allowed.of("tickets/IT-1"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PATCH"), allowed.of("/tickets/IT-1/"));
    }

    @Test
    void pathsBelowHaveTheirOwn() {
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), allowed.of("tickets"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), allowed.of("tickets/IT-1/comments"));
        assertEquals(Set.of("DELETE", "OPTIONS"), allowed.of("tickets/IT-1/links/relates-to/IT-2"));
    }

    @Test
    void anUnknownPathHasNone() {
        assertEquals(Set.of(), allowed.of("tickets/IT-1/nothing"));
        assertEquals(Set.of(), allowed.of("catalog"));
    }
}
