package org.atrium.api.session;

import java.util.Optional;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sessions in the shared database. Tokens are 256 random bits (base64url); the store keeps only their
 * SHA-256 hash. A session's last use is written at most once a minute, so reading one stays a lookup
 * by primary key.
 */
@ProviderType
public interface SessionStore {
    /** Starts a session for an authenticated caller (and removes sessions that have expired). */
    StartedSession start(Caller caller, SessionLimits limits);

    /** The live session of a token; empty when the token is unknown, revoked or expired under these limits. */
    Optional<Session> find(String token, SessionLimits limits);

    /** Ends the token's session for every node; true when there was one. */
    boolean revoke(String token);

    /** Deletes every session expired under these limits; returns how many. */
    int sweep(SessionLimits limits);
}
