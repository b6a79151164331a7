package org.atrium.rest.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
    private final SecurityHeaders headers = new SecurityHeaders();

    @Test
    void everyAnswerIsNotSniffedNotFramedNotCachedAndSendsNoReferrer() {
        FakeRequest request = new FakeRequest("GET", "tickets/IT-1");
        headers.filter(request.context(), request.response());
        assertEquals("nosniff", request.responseHeaders.getFirst("X-Content-Type-Options"));
        assertEquals("DENY", request.responseHeaders.getFirst("X-Frame-Options"));
        assertTrue(request.responseHeaders.getFirst("Content-Security-Policy").toString().contains("frame-ancestors 'none'"));
        assertEquals("no-referrer", request.responseHeaders.getFirst("Referrer-Policy"));
        assertEquals("no-store", request.responseHeaders.getFirst("Cache-Control"));
        assertNull(request.responseHeaders.getFirst("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    @Test
    void hstsOnlyOverTls() {
        FakeRequest request = new FakeRequest("GET", "tickets/IT-1", "https");
        headers.filter(request.context(), request.response());
        assertEquals(SecurityHeaders.HSTS, request.responseHeaders.getFirst("Strict-Transport-Security"));
    }

    @Test
    void aResourcesOwnCachingIsKept() {
        FakeRequest request = new FakeRequest("GET", "openapi.json");
        request.responseHeaders.putSingle("Cache-Control", "max-age=60");
        headers.filter(request.context(), request.response());
        assertEquals("max-age=60", request.responseHeaders.getFirst("Cache-Control"));
    }
}
