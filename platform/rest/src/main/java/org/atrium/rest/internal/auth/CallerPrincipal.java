package org.atrium.rest.internal.auth;

import org.atrium.api.rest.AtriumPrincipal;
import org.atrium.api.security.Caller;

/** Carries the authenticated Caller through the JAX-RS SecurityContext; partner resources see it as the API's AtriumPrincipal. */
public record CallerPrincipal(Caller caller) implements AtriumPrincipal {
    @Override
    public String getName() {
        return caller.user();
    }
}
