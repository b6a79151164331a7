package org.atrium.rest.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.security.Caller;
import org.atrium.rest.internal.problem.Problem;
import org.atrium.rest.internal.session.SessionAuthFilter;

/**
 * HTTP Basic authentication for every request except the OpenAPI document, the health check and the approval
 * links of mails (their signed token is the credential: ApprovalLinkService). No or wrong
 * credentials: 401 with a challenge; too many wrong ones for the user or from the address: 429 with
 * Retry-After (LoginGuard); the resources then take the Caller from the SecurityContext.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthFilter implements ContainerRequestFilter {
    private static final String CHALLENGE = "Basic realm=\"Atrium\", charset=\"UTF-8\"";
    private final LoginGuard guard;
    @Context
    private HttpServletRequest servletRequest;

    public BasicAuthFilter(LoginGuard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("openapi.json") || path.equals("health") || path.startsWith("approval-links/") || request.getProperty(SessionAuthFilter.HANDLED) != null) {
            return; // public, or the session filter signed the caller in (or refused them) already
        }
        Optional<String[]> pair = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        LoginGuard.Outcome outcome = pair.isEmpty() ? new LoginGuard.Failed() : guard.login(pair.get()[0], pair.get()[1], clientAddress());
        if (outcome instanceof LoginGuard.Throttled throttled) {
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problem.of(429, "Too Many Requests",
                    "Too many failed logins for this " + throttled.lock().kind() + "; try again in "
                            + throttled.lock().retryAfterSeconds() + " s").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, throttled.lock().retryAfterSeconds()).build());
            return;
        }
        Optional<Caller> caller = outcome instanceof LoginGuard.LoggedIn in ? Optional.of(in.caller()) : Optional.empty();
        if (caller.isEmpty()) {
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problem.of(401, "Unauthorized",
                    "Send HTTP Basic credentials of an Atrium user").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(new CallerPrincipal(caller.get()), secure, SecurityContext.BASIC_AUTH));
    }

    /** The peer's address (not X-Forwarded-For, which any client can send; docs/operations.md). */
    private String clientAddress() {
        try {
            return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            return "unknown"; // no request on this thread (unit tests)
        }
    }

    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
