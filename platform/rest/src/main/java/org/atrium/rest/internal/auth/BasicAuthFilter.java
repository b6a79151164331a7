package org.atrium.rest.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.security.Caller;
import org.atrium.rest.internal.problem.Problem;

/**
 * HTTP Basic authentication for every request except the OpenAPI document and the health check. No or wrong
 * credentials: 401 with a challenge; the resources then take the Caller from the SecurityContext.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthFilter implements ContainerRequestFilter {
    private static final String CHALLENGE = "Basic realm=\"Atrium\", charset=\"UTF-8\"";
    private final Authenticator authenticator;

    public BasicAuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("openapi.json") || path.equals("health")) {
            return;
        }
        Optional<Caller> caller = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(pair -> authenticator.authenticate(pair[0], pair[1]));
        if (caller.isEmpty()) {
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problem.of(401, "Unauthorized",
                    "Send HTTP Basic credentials of an Atrium user").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(new CallerPrincipal(caller.get()), secure));
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

    private record CallerContext(CallerPrincipal principal, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.caller().hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
