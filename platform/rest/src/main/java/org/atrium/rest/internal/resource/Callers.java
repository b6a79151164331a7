package org.atrium.rest.internal.resource;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.atrium.api.security.Caller;
import org.atrium.rest.internal.auth.CallerPrincipal;

final class Callers {
    private Callers() {
    }

    static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new NotAuthorizedException("Basic realm=\"Atrium\"");
    }
}
