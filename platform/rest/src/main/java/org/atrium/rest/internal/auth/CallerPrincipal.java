package org.atrium.rest.internal.auth;

import java.security.Principal;

import org.atrium.api.security.Caller;

/** Carries the authenticated Caller through the JAX-RS SecurityContext. */
public record CallerPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
        return caller.user();
    }
}
