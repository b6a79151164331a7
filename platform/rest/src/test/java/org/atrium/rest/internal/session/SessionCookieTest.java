package org.atrium.rest.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import javax.ws.rs.core.Cookie;

import org.junit.jupiter.api.Test;

class SessionCookieTest {
    @Test
    void theCookieIsHttpOnlyStrictForTheWholeHostAndSecureOverHttps() {
        assertEquals("atrium_session=abc; Path=/; HttpOnly; SameSite=Strict", SessionCookie.set("abc", false));
        assertEquals("atrium_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure", SessionCookie.set("abc", true));
    }

    @Test
    void clearingExpiresItAtOnce() {
        assertEquals("atrium_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", SessionCookie.clear(false));
    }

    @Test
    void theTokenIsTheCookiesValueIfAny() {
        assertEquals("abc", SessionCookie.token(Map.of("atrium_session", new Cookie("atrium_session", "abc"))));
        assertNull(SessionCookie.token(Map.of("atrium_session", new Cookie("atrium_session", ""))));
        assertNull(SessionCookie.token(Map.of("other", new Cookie("other", "abc"))));
        assertNull(SessionCookie.token(null));
    }
}
