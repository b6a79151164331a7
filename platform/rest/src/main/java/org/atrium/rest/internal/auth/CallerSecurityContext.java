package org.atrium.rest.internal.auth;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

/**
 * The request's security context once a caller is known, whichever way they authenticated: roles come
 * from the caller (the directory's view), not from the container.
 */
public record CallerSecurityContext(CallerPrincipal principal, boolean secure, String scheme) implements SecurityContext {
    /** The scheme a portal session authenticates with (not one of SecurityContext's constants). */
    public static final String SESSION_AUTH = "SESSION";

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
        return scheme;
    }
}
