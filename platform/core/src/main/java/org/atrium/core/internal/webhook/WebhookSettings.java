package org.atrium.core.internal.webhook;

import java.time.Duration;

import org.atrium.core.internal.worker.Retries;

/**
 * How deliveries are retried and when a subscription is disabled: attempt n of a delivery that failed
 * waits {@code retryBase * 2^(n-1)}, at most an hour; a delivery is given up after {@code maxAttempts};
 * a subscription whose last {@code disableAfterFailures} attempts all failed is disabled.
 */
record WebhookSettings(Duration retryBase, int maxAttempts, int disableAfterFailures) {
    static final Duration MAX_PAUSE = Retries.MAX_PAUSE;

    WebhookSettings {
        if (retryBase.isNegative() || retryBase.isZero()) {
            throw new IllegalArgumentException("retryBase must be positive: " + retryBase);
        }
        maxAttempts = Math.max(1, maxAttempts);
        disableAfterFailures = Math.max(1, disableAfterFailures);
    }

    static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(10), 8, 10);
    }

    /** The pause after the given number of failed attempts of one delivery (1, 2, ...). */
    Duration backoff(int failedAttempts) {
        return Retries.backoff(retryBase, failedAttempts);
    }
}
