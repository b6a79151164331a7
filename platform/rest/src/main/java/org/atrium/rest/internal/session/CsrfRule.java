package org.atrium.rest.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery: a request authenticated by the session cookie that may change something
 * (POST, PUT, PATCH, DELETE) must carry the session's CSRF token in {@code X-CSRF-Token}, which a page
 * of another site can neither read nor send without a CORS preflight. The comparison takes the same
 * time wherever the strings differ.
 */
public final class CsrfRule {
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfRule() {
    }

    public static boolean needsToken(String method) {
        return !SAFE.contains(method);
    }

    /** Why the request is refused, or empty when it may pass. */
    public static Optional<String> refusal(String method, String sent, String expected) {
        if (!needsToken(method)) {
            return Optional.empty();
        }
        if (sent == null || sent.isEmpty()) {
            return Optional.of("is required for " + method + " with a session cookie");
        }
        boolean same = MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : Optional.of("does not match the session's CSRF token");
    }
}
