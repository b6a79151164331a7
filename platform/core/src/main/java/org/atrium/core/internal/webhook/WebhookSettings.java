package org.atrium.core.internal.webhook;

import java.time.Duration;

/**
 * How deliveries are retried and when a subscription is disabled: attempt n of a delivery that failed
 * waits {@code retryBase * 2^(n-1)}, at most an hour; a delivery is given up after {@code maxAttempts};
 * a subscription whose last {@code disableAfterFailures} attempts all failed is disabled.
 */
record WebhookSettings(Duration retryBase, int maxAttempts, int disableAfterFailures) {
    static final Duration MAX_PAUSE = Duration.ofHours(1);

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
        Duration pause = retryBase.multipliedBy(1L << Math.min(Math.max(failedAttempts, 1) - 1, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
