package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorsTest {
    private final Cors cors = new Cors(" https://portal.example.com, http://localhost:3000/ ", 600);

    private static FakeRequest preflight(String origin) {
        return new FakeRequest("OPTIONS", "tickets").header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered204WithoutCredentials() {
        FakeRequest request = preflight("https://portal.example.com");
        cors.filter(request.context());
        assertEquals(204, request.aborted.getStatus());
        assertEquals(Cors.METHODS, request.aborted.getHeaderString("Access-Control-Allow-Methods"));
        assertTrue(request.aborted.getHeaderString("Access-Control-Allow-Headers").contains("Authorization"));
        cors.filter(request.context(), request.response());
        assertEquals("https://portal.example.com", request.responseHeaders.getFirst("Access-Control-Allow-Origin"));
        assertEquals("true", request.responseHeaders.getFirst("Access-Control-Allow-Credentials"));
    }

    @Test
    void aPreflightFromAnotherOriginGoesOnToAuthenticationAndGetsNoCorsHeaders() {
        FakeRequest request = preflight("https://evil.example");
        cors.filter(request.context());
        assertNull(request.aborted);
        cors.filter(request.context(), request.response());
        assertNull(request.responseHeaders.getFirst("Access-Control-Allow-Origin"));
        assertEquals("Origin", request.responseHeaders.getFirst("Vary"));
    }

    @Test
    void nothingIsAllowedByDefault() {
        Cors none = new Cors("", 600);
        assertFalse(none.allowed("http://localhost:3000"));
        assertFalse(none.allowed(null));
        FakeRequest request = preflight("http://localhost:3000");
        none.filter(request.context());
        assertNull(request.aborted);
    }

    @Test
    void originsCompareWithoutATrailingSlashAndOnlyExactly() {
        assertTrue(cors.allowed("http://localhost:3000"));
        assertFalse(cors.allowed("http://localhost:3001"));
        assertFalse(cors.allowed("https://portal.example.com.evil.example"));
    }

    @Test
    void anOptionsRequestThatIsNoPreflightIsLeftToTheApi() {
        FakeRequest request = new FakeRequest("OPTIONS", "tickets").header("Origin", "https://portal.example.com");
        cors.filter(request.context());
        assertNull(request.aborted);
    }
}
