package org.atrium.api.rest;

import java.security.Principal;
import java.util.Optional;

import org.atrium.api.security.Caller;

/**
 * The principal of an authenticated API request ({@code SecurityContext.getUserPrincipal()} in a
 * resource): who calls, with the roles Atrium authorizes them by. Pass {@link #caller()} to Atrium's
 * services (TicketService and others) so that they decide with that caller's permissions. Implemented
 * by Atrium, not by partners.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AtriumPrincipal extends Principal {
    Caller caller();

    /** The caller of a request's principal; empty when the request is not authenticated (a public path). */
    static Optional<Caller> callerOf(Principal principal) {
        return principal instanceof AtriumPrincipal atrium ? Optional.of(atrium.caller()) : Optional.empty();
    }
}
