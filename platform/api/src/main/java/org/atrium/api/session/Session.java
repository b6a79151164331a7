package org.atrium.api.session;

import java.time.Instant;
import java.util.Objects;

import org.atrium.api.security.Caller;

/**
 * A live sign-in session.
 *
 * @param caller    who signed in, with the roles of that login (a role change applies from the next sign-in)
 * @param csrfToken what state-changing requests with this session must send in {@code X-CSRF-Token}
 * @param createdAt when the person signed in
 * @param expiresAt when the session ends unless used again (never after {@code createdAt} plus the maximum)
 */
public record Session(Caller caller, String csrfToken, Instant createdAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
