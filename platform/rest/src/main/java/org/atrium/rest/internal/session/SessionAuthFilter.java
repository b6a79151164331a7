package org.atrium.rest.internal.session;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.session.Session;
import org.atrium.api.session.SessionLimits;
import org.atrium.api.session.SessionStore;
import org.atrium.rest.internal.JsonMapping;
import org.atrium.rest.internal.auth.CallerPrincipal;
import org.atrium.rest.internal.auth.CallerSecurityContext;
import org.atrium.rest.internal.auth.LoginGuard;
import org.atrium.rest.internal.problem.Problem;

/**
 * The portal's way in, next to HTTP Basic (which scripts keep using, and which wins when a request
 * carries both). Runs before {@link org.atrium.rest.internal.auth.BasicAuthFilter}:
 * <ul>
 * <li>{@code POST /session} checks the body's login and password through the same {@link LoginGuard}
 * as Basic (throttle, audit of failures); the session cookie is not accepted there, a new sign-in
 * replaces it;</li>
 * <li>a request with the session cookie and no Authorization header is authenticated by its session
 * (401 when it is unknown, revoked or expired), and one that may change something needs the
 * session's CSRF token ({@link CsrfRule}, 403 naming {@code X-CSRF-Token});</li>
 * <li>anything else is left to Basic, except {@code /session}, which answers 401 without a Basic
 * challenge (a browser would otherwise open its own login dialog).</li>
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 10)
public class SessionAuthFilter implements ContainerRequestFilter {
    /** Request property: this filter authenticated the request (or refused it); Basic leaves it alone. */
    public static final String HANDLED = "org.atrium.rest.session.handled";
    static final String PATH = "session";
    private static final String CHALLENGE = "Session realm=\"Atrium\"";
    private final LoginGuard guard;
    private final Supplier<SessionStore> store;
    private final SessionLimits limits;
    @Context
    private HttpServletRequest servletRequest;

    public SessionAuthFilter(LoginGuard guard, Supplier<SessionStore> store, SessionLimits limits) {
        this.guard = guard;
        this.store = store;
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("openapi.json") || path.equals("health") || path.startsWith("approval-links/")) {
            return; // public: a stale cookie must not turn them into 401s
        }
        if (path.equals(PATH) && "POST".equals(request.getMethod())) {
            request.setProperty(HANDLED, Boolean.TRUE);
            signIn(request);
            return;
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        String token = SessionCookie.token(request.getCookies());
        if (token == null) {
            if (path.equals(PATH)) {
                request.setProperty(HANDLED, Boolean.TRUE);
                request.abortWith(unauthorized(request, "No session: sign in with POST /session", false));
            }
            return;
        }
        request.setProperty(HANDLED, Boolean.TRUE);
        SessionStore sessions = store.get();
        if (sessions == null) {
            request.abortWith(Problem.of(503, "Service Unavailable", "Sessions are not available yet; try again shortly").toResponse());
            return;
        }
        Optional<Session> session = sessions.find(token, limits);
        if (session.isEmpty()) {
            request.abortWith(unauthorized(request, "The session has ended (expired or signed out): sign in again", true));
            return;
        }
        Optional<String> refusal = CsrfRule.refusal(request.getMethod(), request.getHeaderString(CsrfRule.HEADER), session.get().csrfToken());
        if (refusal.isPresent()) {
            request.abortWith(new Problem("about:blank", "Forbidden", 403, CsrfRule.HEADER + " " + refusal.get(),
                    List.of(new FieldError(CsrfRule.HEADER, refusal.get())), null).toResponse());
            return;
        }
        authenticate(request, session.get().caller());
    }

    private void signIn(ContainerRequestContext request) {
        SignInBody body;
        try {
            body = SignInBody.read(JsonMapping.objectMapper(), request.getEntityStream());
        } catch (ValidationException e) {
            request.abortWith(new Problem("about:blank", "Bad Request", 400, "The sign-in needs login and password",
                    e.errors(), null).toResponse());
            return;
        } catch (WebApplicationException e) {
            request.abortWith(e.getResponse()); // the body limit
            return;
        } catch (IOException e) {
            request.abortWith(Problem.of(400, "Bad Request", "The request body could not be read").toResponse());
            return;
        }
        LoginGuard.Outcome outcome = guard.login(body.login(), body.password(), clientAddress());
        if (outcome instanceof LoginGuard.Throttled throttled) {
            request.abortWith(Response.fromResponse(Problem.of(429, "Too Many Requests",
                    "Too many failed logins for this " + throttled.lock().kind() + "; try again in "
                            + throttled.lock().retryAfterSeconds() + " s").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, throttled.lock().retryAfterSeconds()).build());
        } else if (outcome instanceof LoginGuard.LoggedIn in) {
            authenticate(request, in.caller());
        } else {
            request.abortWith(unauthorized(request, "Wrong login or password", false));
        }
    }

    private static void authenticate(ContainerRequestContext request, Caller caller) {
        request.setSecurityContext(new CallerSecurityContext(new CallerPrincipal(caller), request.getSecurityContext().isSecure(),
                CallerSecurityContext.SESSION_AUTH));
    }

    private static Response unauthorized(ContainerRequestContext request, String detail, boolean clearCookie) {
        Response.ResponseBuilder response = Response.fromResponse(Problem.of(401, "Unauthorized", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        if (clearCookie) {
            response.header(HttpHeaders.SET_COOKIE, SessionCookie.clear(request.getSecurityContext().isSecure()));
        }
        return response.build();
    }

    /** The peer's address, as Basic takes it (not X-Forwarded-For, which any client can send). */
    private String clientAddress() {
        try {
            return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            return "unknown"; // no request on this thread (unit tests)
        }
    }
}
