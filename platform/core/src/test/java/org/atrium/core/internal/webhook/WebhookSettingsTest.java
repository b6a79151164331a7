package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Retries wait exponentially longer, never more than an hour. */
class WebhookSettingsTest {
    @Test
    void theDefaultBackoffDoublesFromTenSecondsUpToAnHour() {
        WebhookSettings settings = WebhookSettings.defaults();
        assertEquals(Duration.ofSeconds(10), settings.backoff(1));
        assertEquals(Duration.ofSeconds(20), settings.backoff(2));
        assertEquals(Duration.ofSeconds(40), settings.backoff(3));
        assertEquals(Duration.ofSeconds(2560), settings.backoff(9));
        assertEquals(Duration.ofHours(1), settings.backoff(10));
        assertEquals(Duration.ofHours(1), settings.backoff(1000));
        assertEquals(10, settings.disableAfterFailures());
    }

    @Test
    void aConfiguredBaseScalesEveryPause() {
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), 5, 3);
        assertEquals(Duration.ofSeconds(1), settings.backoff(1));
        assertEquals(Duration.ofSeconds(2), settings.backoff(2));
        assertEquals(Duration.ofSeconds(4), settings.backoff(3));
    }

    @Test
    void limitsBelowOneMeanOne() {
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), 0, -2);
        assertEquals(1, settings.maxAttempts());
        assertEquals(1, settings.disableAfterFailures());
    }
}
