package org.atrium.rest.internal.auth;

import java.util.Optional;

import org.atrium.api.security.Caller;

/** Checks a user name and password; empty when they do not match. */
public interface Authenticator {
    Optional<Caller> authenticate(String user, String password);
}
