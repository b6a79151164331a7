package org.atrium.core.internal.mail.out;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;

/**
 * The token of an approve or reject link in an approval mail: {@code <approval id>.<decision>.<expiry
 * in epoch seconds>.<HMAC-SHA256 over those three, 32 hex digits>}, signed with the installation's key
 * {@code approval-link} (shared by every node). The signature also covers the approver the mail went
 * to, so a link stops working when the approval is handed over. Whoever holds the link decides as the
 * approver, so it names one approval and one decision, expires, and is used once ({@code approval_link_use}).
 */
public final class ApprovalLinkTokens {
    public static final String KEY_NAME = "approval-link";
    /** How long a link works: a week, like the approval reminders' rhythm. */
    public static final Duration VALIDITY = Duration.ofDays(7);
    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,18})\\.(approve|reject)\\.([0-9]{1,12})\\.([0-9a-f]{32})");
    private final byte[] key;
    private final Clock clock;

    /** What a valid token names. */
    public record Claim(long approval, String decision, Instant expiresAt) {
    }

    public ApprovalLinkTokens(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    public String issue(long approval, String approver, String decision, Instant expiresAt) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new IllegalArgumentException("decision: approve or reject");
        }
        String claim = approval + "." + decision + "." + expiresAt.getEpochSecond();
        return claim + "." + sign(claim + "|" + approver);
    }

    /**
     * The claim of a token this installation signed for the approval's approver now ({@code approverOf})
     * and that has not expired; else a 400 naming {@code token}.
     */
    public Claim verify(String token, java.util.function.LongFunction<String> approverOf) {
        Matcher matcher = TOKEN.matcher(token == null ? "" : token);
        if (!matcher.matches()) {
            throw invalid("is not an approval link");
        }
        String claim = matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3);
        String approver = approverOf.apply(Long.parseLong(matcher.group(1)));
        byte[] expected = sign(claim + "|" + approver).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(4).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("is not an approval link of this installation");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(matcher.group(3)));
        if (!clock.instant().isBefore(expiresAt)) {
            throw invalid("has expired (" + expiresAt + "); decide in the portal");
        }
        return new Claim(Long.parseLong(matcher.group(1)), matcher.group(2), expiresAt);
    }

    private static ValidationException invalid(String reason) {
        return new ValidationException(List.of(new FieldError("token", reason)));
    }

    private String sign(String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        }
    }
}
