package org.atrium.core.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Session tokens: 256 random bits as base64url without padding (43 characters). The database keys a
 * session by the token's SHA-256 hash, so a copy of the table signs nobody in. The CSRF token is
 * another hash of the session token (with a label): the server needs no second secret to recompute
 * it on any node, and it gives away nothing about the cookie it belongs to.
 */
final class SessionTokens {
    static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** Whether a cookie value can be a token at all (anything else is refused without a database read). */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The key of the token's row: SHA-256, hex. */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256("atrium-session\u0000" + token));
    }

    static String csrfToken(String token) {
        return BASE64URL.encodeToString(sha256("atrium-csrf\u0000" + token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
