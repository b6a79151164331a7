package org.atrium.rest.internal.session;

import java.util.Map;

import javax.ws.rs.core.Cookie;

/**
 * The session cookie as the contract names it: {@code atrium_session}, for the whole host, out of reach
 * of scripts (HttpOnly), never sent with requests from other sites (SameSite=Strict), and Secure when
 * the request came over HTTPS. No Max-Age: it ends with the browser, and the server ends it sooner.
 */
public final class SessionCookie {
    public static final String NAME = "atrium_session";
    private static final String FLAGS = "; Path=/; HttpOnly; SameSite=Strict";

    private SessionCookie() {
    }

    /** The Set-Cookie value that hands the browser a new token. */
    public static String set(String token, boolean secure) {
        return NAME + "=" + token + FLAGS + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie value that makes the browser forget the cookie. */
    public static String clear(boolean secure) {
        return NAME + "=" + FLAGS + "; Max-Age=0" + (secure ? "; Secure" : "");
    }

    /** The token the request's cookie carries, or null. */
    public static String token(Map<String, Cookie> cookies) {
        Cookie cookie = cookies == null ? null : cookies.get(NAME);
        return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
