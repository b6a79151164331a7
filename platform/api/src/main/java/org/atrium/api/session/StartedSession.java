package org.atrium.api.session;

import java.util.Objects;

/** A new session and its token: the only time the token is seen in clear (the store keeps its hash). */
public record StartedSession(String token, Session session) {
    public StartedSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "StartedSession[" + session + "]"; // never the token in a log line
    }
}
