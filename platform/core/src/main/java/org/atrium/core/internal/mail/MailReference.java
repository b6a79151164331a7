package org.atrium.core.internal.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed reference that ties a mail to its ticket, so that a reply is matched by something a
 * sender cannot forge rather than by the subject. A token is {@code <ticket key>.<16 hex digits of
 * HMAC-SHA256 over the upper-case key>}, e.g. {@code INC-42.3f9a0c1d2e4b5a69}. It travels twice in
 * every notification: in the Reply-To address ({@code support+INC-42.3f9a...@example.com}) and in the
 * Message-ID ({@code <atrium.INC-42.3f9a....<unique>@example.com>}), which replies repeat in
 * In-Reply-To and References. Matching ignores case, because some mail servers lower-case addresses.
 */
public final class MailReference {
    /** The name of this reference's key in {@link org.atrium.core.internal.secret.SigningKeys}. */
    public static final String KEY_NAME = "mail-reference";
    private static final int SIGNATURE_HEX = 16;
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z][A-Za-z0-9]*-[0-9]+)\\.([0-9A-Fa-f]{" + SIGNATURE_HEX + "})");
    private static final Pattern IN_MESSAGE_ID = Pattern.compile("<atrium\\." + TOKEN.pattern() + "\\.[^@>\\s]+@[^>\\s]+>");
    private final byte[] key;

    public MailReference(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a signing key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** {@code INC-42.3f9a0c1d2e4b5a69} */
    public String tokenFor(String ticketKey) {
        String upper = ticketKey.toUpperCase(Locale.ROOT);
        return upper + "." + signature(upper);
    }

    /** The ticket key a token names, when its signature is right. */
    public Optional<String> ticketKeyOf(String token) {
        Matcher matcher = TOKEN.matcher(token.trim());
        return matcher.matches() ? verified(matcher.group(1), matcher.group(2)) : Optional.empty();
    }

    /** The reply address for a ticket: {@code support@example.com} becomes {@code support+INC-42.<sig>@example.com}. */
    public String replyAddress(String ticketKey, String mailbox) {
        int at = mailbox.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a mail address: " + mailbox);
        }
        return mailbox.substring(0, at) + "+" + tokenFor(ticketKey) + mailbox.substring(at);
    }

    /** The ticket key of a reply address made by {@link #replyAddress}, when its signature is right. */
    public Optional<String> ticketKeyOfAddress(String address) {
        int plus = address.indexOf('+');
        int at = address.lastIndexOf('@');
        if (plus < 0 || at < plus) {
            return Optional.empty();
        }
        return ticketKeyOf(address.substring(plus + 1, at));
    }

    /** A Message-ID carrying the reference: {@code <atrium.INC-42.<sig>.<unique>@domain>}; unique must be unique per mail. */
    public String messageId(String ticketKey, String unique, String domain) {
        return "<atrium." + tokenFor(ticketKey) + "." + unique + "@" + domain + ">";
    }

    /**
     * The ticket key named by the first signed Message-ID in a header's value (In-Reply-To or
     * References, which may list several ids).
     */
    public Optional<String> ticketKeyOfMessageIds(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_MESSAGE_ID.matcher(headerValue);
        while (matcher.find()) {
            Optional<String> key = verified(matcher.group(1), matcher.group(2));
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    private Optional<String> verified(String ticketKey, String givenSignature) {
        String upper = ticketKey.toUpperCase(Locale.ROOT);
        byte[] expected = signature(upper).getBytes(StandardCharsets.US_ASCII);
        byte[] given = givenSignature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(upper) : Optional.empty();
    }

    private String signature(String upperKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(upperKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, SIGNATURE_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        }
    }
}
