package org.atrium.core.internal.mail.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.atrium.api.ValidationException;
import org.atrium.core.internal.SettableClock;
import org.junit.jupiter.api.Test;

class ApprovalLinkTokensTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);
    private final ApprovalLinkTokens tokens = new ApprovalLinkTokens("0123456789abcdef0123456789abcdef".getBytes(), clock);

    @Test
    void aTokenNamesItsApprovalAndDecision() {
        String token = tokens.issue(42, "marc", "approve", NOW.plus(ApprovalLinkTokens.VALIDITY));
        ApprovalLinkTokens.Claim claim = tokens.verify(token, id -> "marc");
        assertEquals(42, claim.approval());
        assertEquals("approve", claim.decision());
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = tokens.issue(42, "marc", "approve", NOW.plus(ApprovalLinkTokens.VALIDITY));
        String otherApproval = token.replaceFirst("^42\\.", "43.");
        String otherDecision = token.replace(".approve.", ".reject.");
        ApprovalLinkTokens otherKey = new ApprovalLinkTokens("fedcba9876543210fedcba9876543210".getBytes(), clock);
        for (String forged : new String[] {otherApproval, otherDecision, "42.approve.1", "", "x"}) {
            ValidationException refused = assertThrows(ValidationException.class, () -> tokens.verify(forged, id -> "marc"), forged);
            assertEquals("token", refused.errors().get(0).field());
        }
        assertThrows(ValidationException.class, () -> otherKey.verify(token, id -> "marc"), "another installation's key");
    }

    @Test
    void aLinkStopsWorkingWhenTheApprovalIsHandedOver() {
        String token = tokens.issue(42, "marc", "reject", NOW.plus(ApprovalLinkTokens.VALIDITY));
        assertThrows(ValidationException.class, () -> tokens.verify(token, id -> "chris"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(42, "marc", "approve", NOW.plus(ApprovalLinkTokens.VALIDITY));
        clock.advance(ApprovalLinkTokens.VALIDITY.minus(Duration.ofSeconds(1)));
        tokens.verify(token, id -> "marc");
        clock.advance(Duration.ofSeconds(1));
        ValidationException expired = assertThrows(ValidationException.class, () -> tokens.verify(token, id -> "marc"));
        assertTrue(expired.errors().get(0).reason().contains("expired"), expired.errors().toString());
    }
}
