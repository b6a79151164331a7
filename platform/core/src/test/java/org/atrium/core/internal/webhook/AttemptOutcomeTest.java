package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;
import org.junit.jupiter.api.Test;

/** What an attempt does to its delivery and its subscription: retries, giving up, disabling, resetting. */
class AttemptOutcomeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final WebhookSettings SETTINGS = new WebhookSettings(Duration.ofSeconds(10), 4, 3);
    private static final WebhookSender.Result FAILED = new WebhookSender.Result(500, "HTTP 500", 12);
    private static final WebhookSender.Result REFUSED = new WebhookSender.Result(null, "ConnectException", 3);
    private static final WebhookSender.Result OK = new WebhookSender.Result(204, null, 7);

    private static WebhookEntity hook() {
        return new WebhookEntity("it", "whsec_x", "admin", T0);
    }

    private static WebhookDeliveryEntity delivery() {
        return new WebhookDeliveryEntity(1, "e-1", "ticket.created", "IT-1", "{}", T0);
    }

    @Test
    void aFailureIsRetriedAfterItsBackoffAndASuccessEndsTheDelivery() {
        WebhookEntity hook = hook();
        WebhookDeliveryEntity delivery = delivery();
        assertEquals(1, AttemptOutcome.apply(hook, delivery, FAILED, T0, SETTINGS));
        assertEquals(T0.plusSeconds(10), delivery.getNextAttemptAt());
        assertEquals(WebhookDeliveryEntity.PENDING, delivery.getState());
        assertEquals(2, AttemptOutcome.apply(hook, delivery, REFUSED, T0.plusSeconds(10), SETTINGS));
        assertEquals(T0.plusSeconds(30), delivery.getNextAttemptAt());
        assertEquals("ConnectException", hook.getLastOutcome());
        assertEquals(2, hook.getConsecutiveFailures());
        assertEquals(3, AttemptOutcome.apply(hook, delivery, OK, T0.plusSeconds(30), SETTINGS));
        assertEquals(WebhookDeliveryEntity.DELIVERED, delivery.getState());
        assertNull(delivery.getNextAttemptAt());
        assertEquals(0, hook.getConsecutiveFailures(), "a success resets the run of failures");
        assertEquals("HTTP 204", hook.getLastOutcome());
        assertTrue(hook.isEnabled());
    }

    @Test
    void consecutiveFailuresAcrossDeliveriesDisableTheSubscription() {
        WebhookEntity hook = hook();
        AttemptOutcome.apply(hook, delivery(), FAILED, T0, SETTINGS);
        AttemptOutcome.apply(hook, delivery(), FAILED, T0, SETTINGS);
        assertTrue(hook.isEnabled(), "two of three");
        AttemptOutcome.apply(hook, delivery(), REFUSED, T0, SETTINGS);
        assertFalse(hook.isEnabled());
        assertTrue(hook.getDisabledReason().contains("after 3 consecutive failed deliveries; last: ConnectException"),
                hook.getDisabledReason());
    }

    @Test
    void aDeliveryIsGivenUpAfterItsLastAttempt() {
        WebhookEntity hook = hook();
        WebhookDeliveryEntity delivery = delivery();
        WebhookSettings patient = new WebhookSettings(Duration.ofSeconds(10), 2, 100);
        AttemptOutcome.apply(hook, delivery, FAILED, T0, patient);
        AttemptOutcome.apply(hook, delivery, FAILED, T0, patient);
        assertEquals(WebhookDeliveryEntity.FAILED, delivery.getState());
        assertNull(delivery.getNextAttemptAt());
        assertTrue(hook.isEnabled());
    }
}
