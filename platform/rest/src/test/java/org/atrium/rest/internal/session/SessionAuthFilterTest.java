package org.atrium.rest.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.atrium.api.FieldError;
import org.atrium.api.security.Caller;
import org.atrium.api.session.Session;
import org.atrium.api.session.SessionLimits;
import org.atrium.api.session.SessionStore;
import org.atrium.api.session.StartedSession;
import org.atrium.rest.internal.auth.CallerPrincipal;
import org.atrium.rest.internal.auth.LoginGuard;
import org.atrium.rest.internal.auth.LoginThrottle;
import org.atrium.rest.internal.problem.Problem;
import org.junit.jupiter.api.Test;

/** Which requests the session filter authenticates, refuses, or leaves to Basic. */
class SessionAuthFilterTest {
    private static final String TOKEN = "rVwpIBu-7c8imSidlY0-1Dx5zOvY0cFfuYPVGWDSHXA";
    private static final String CSRF = "JvYvgRiTiuXlpqXtzghHYhtzxG1IQsGH9HP_FgcEjf4";
    private static final Caller ANNA = Caller.of("anna", "employee");

    private final SessionStore store = new SessionStore() {
        @Override
        public StartedSession start(Caller caller, SessionLimits limits) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Session> find(String token, SessionLimits limits) {
            return TOKEN.equals(token) ? Optional.of(new Session(ANNA, CSRF, Instant.EPOCH, Instant.EPOCH.plusSeconds(1800))) : Optional.empty();
        }

        @Override
        public boolean revoke(String token) {
            return false;
        }

        @Override
        public int sweep(SessionLimits limits) {
            return 0;
        }
    };
    private final SessionAuthFilter filter = new SessionAuthFilter(
            new LoginGuard((user, password) -> user.equals(password) ? Optional.of(Caller.of(user, "employee")) : Optional.empty(),
                    new LoginThrottle(5, 20, Duration.ofMinutes(5), Clock.systemUTC())),
            () -> store, SessionLimits.of(30, 10));

    @Test
    void theCookieAuthenticatesAReadAndMarksTheRequestAsHandled() {
        Request request = new Request("GET", "tickets").cookie(TOKEN);
        filter.filter(request.context());
        assertNull(request.aborted);
        assertEquals(ANNA, ((CallerPrincipal) request.security.getUserPrincipal()).caller());
        assertEquals(Boolean.TRUE, request.properties.get(SessionAuthFilter.HANDLED));
    }

    @Test
    void aChangeNeedsTheCsrfHeader() {
        Request without = new Request("POST", "tickets").cookie(TOKEN);
        filter.filter(without.context());
        assertEquals(403, without.aborted.getStatus());
        assertEquals(new FieldError("X-CSRF-Token", "is required for POST with a session cookie"),
                ((Problem) without.aborted.getEntity()).errors().get(0));
        Request with = new Request("DELETE", "session").cookie(TOKEN).header("X-CSRF-Token", CSRF);
        filter.filter(with.context());
        assertNull(with.aborted);
        assertNotNull(with.security);
    }

    @Test
    void anEndedSessionIs401WithTheCookieClearedAndNoBasicChallenge() {
        Request request = new Request("GET", "tickets").cookie("A".repeat(43));
        filter.filter(request.context());
        assertEquals(401, request.aborted.getStatus());
        assertTrue(request.aborted.getHeaderString("Set-Cookie").contains("Max-Age=0"));
        assertFalse(request.aborted.getHeaderString("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void basicCredentialsWinAndRequestsWithoutCookieAreLeftToBasic() {
        Request basic = new Request("POST", "tickets").cookie(TOKEN).header("Authorization", "Basic YW5uYTphbm5h");
        filter.filter(basic.context());
        assertNull(basic.aborted);
        assertNull(basic.security);
        assertFalse(basic.properties.containsKey(SessionAuthFilter.HANDLED));
        Request none = new Request("GET", "tickets");
        filter.filter(none.context());
        assertNull(none.aborted);
        assertFalse(none.properties.containsKey(SessionAuthFilter.HANDLED));
    }

    @Test
    void sessionWithoutCookieIs401AndPublicPathsStayPublic() {
        Request session = new Request("GET", "session");
        filter.filter(session.context());
        assertEquals(401, session.aborted.getStatus());
        Request health = new Request("GET", "health").cookie("stale");
        filter.filter(health.context());
        assertNull(health.aborted);
    }

    @Test
    void signInChecksThePasswordIgnoringTheCookie() {
        Request good = new Request("POST", "session").cookie("stale").body("{\"login\":\"marc\",\"password\":\"marc\"}");
        filter.filter(good.context());
        assertNull(good.aborted);
        assertEquals("marc", ((CallerPrincipal) good.security.getUserPrincipal()).caller().user());
        Request wrong = new Request("POST", "session").body("{\"login\":\"marc\",\"password\":\"nope\"}");
        filter.filter(wrong.context());
        assertEquals(401, wrong.aborted.getStatus());
        Request bad = new Request("POST", "session").body("{\"login\":\"marc\"}");
        filter.filter(bad.context());
        assertEquals(400, bad.aborted.getStatus());
        assertEquals("password", ((Problem) bad.aborted.getEntity()).errors().get(0).field());
    }

    @Test
    void signInFailuresAreThrottledLikeBasic() {
        for (int i = 0; i < 5; i++) {
            Request wrong = new Request("POST", "session").body("{\"login\":\"ina\",\"password\":\"guess" + i + "\"}");
            filter.filter(wrong.context());
            assertEquals(401, wrong.aborted.getStatus());
        }
        Request locked = new Request("POST", "session").body("{\"login\":\"ina\",\"password\":\"guess\"}");
        filter.filter(locked.context());
        locked = new Request("POST", "session").body("{\"login\":\"ina\",\"password\":\"ina\"}");
        filter.filter(locked.context());
        assertEquals(429, locked.aborted.getStatus());
        assertNotNull(locked.aborted.getHeaderString("Retry-After"));
    }

    /** A request as the filter sees it: method, path, headers, cookie, body; records an abort and the security context. */
    private static final class Request {
        final String method;
        final String path;
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Cookie> cookies = new HashMap<>();
        final Map<String, Object> properties = new HashMap<>();
        InputStream body = new ByteArrayInputStream(new byte[0]);
        Response aborted;
        SecurityContext security;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request cookie(String token) {
            cookies.put(SessionCookie.NAME, new Cookie(SessionCookie.NAME, token));
            return this;
        }

        Request body(String json) {
            body = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        ContainerRequestContext context() {
            UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, m, args) ->
                    switch (m.getName()) {
                        case "getPath" -> path;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            SecurityContext plain = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {SecurityContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "isSecure" -> false;
                        default -> null;
                    });
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getUriInfo" -> uri;
                        case "getSecurityContext" -> security != null ? security : plain;
                        case "setSecurityContext" -> {
                            security = (SecurityContext) args[0];
                            yield null;
                        }
                        case "getHeaderString" -> headers.get((String) args[0]);
                        case "getCookies" -> cookies;
                        case "getEntityStream" -> body;
                        case "getProperty" -> properties.get((String) args[0]);
                        case "setProperty" -> {
                            properties.put((String) args[0], args[1]);
                            yield null;
                        }
                        case "abortWith" -> {
                            aborted = (Response) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
