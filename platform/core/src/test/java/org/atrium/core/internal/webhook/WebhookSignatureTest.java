package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signature a receiver checks: HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret. */
class WebhookSignatureTest {
    private static final String BODY = "{\"id\":\"e-1\",\"type\":\"ticket.created\"}";

    @Test
    void matchesAnIndependentComputation() {
        // printf '%s' '1700000000.{"id":"e-1","type":"ticket.created"}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertEquals("sha256=88af36727fd324948e2d1002ea59f3299602a0e9baab5f21b7e5fa9534ba6483",
                WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY));
    }

    @Test
    void theTimestampAndTheSecretAreSigned() {
        String signed = WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY);
        assertNotEquals(signed, WebhookSignature.sign("whsec_test", 1_700_000_001L, BODY));
        assertNotEquals(signed, WebhookSignature.sign("whsec_other", 1_700_000_000L, BODY));
        assertNotEquals(signed, WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY + " "));
    }

    @Test
    void secretsAreRandomAndLongEnough() {
        String one = WebhookSignature.newSecret();
        assertTrue(one.matches("whsec_[0-9a-f]{64}"), one);
        assertNotEquals(one, WebhookSignature.newSecret());
    }
}
