package org.atrium.core.internal.webhook;

import java.time.Instant;

import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;

/**
 * What one attempt changes: the delivery is done, retried after its backoff, or given up; the
 * subscription's run of consecutive failures is reset by a success and disables it at the limit.
 */
final class AttemptOutcome {
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private AttemptOutcome() {
    }

    /** Applies the result to both rows; returns the attempt's number (1 for the first). */
    static int apply(WebhookEntity hook, WebhookDeliveryEntity delivery, WebhookSender.Result result, Instant now, WebhookSettings settings) {
        hook.setLastDeliveryAt(now);
        if (result.delivered()) {
            int attempt = delivery.attempts().succeeded();
            delivery.setState(WebhookDeliveryEntity.DELIVERED);
            hook.setConsecutiveFailures(0);
            hook.setLastOutcome("HTTP " + result.status());
            return attempt;
        }
        String error = result.error() != null ? result.error() : "HTTP " + result.status();
        hook.setLastOutcome(error.length() > 500 ? error.substring(0, 500) : error);
        if (delivery.attempts().failed(now, settings.maxAttempts(), settings::backoff).isEmpty()) {
            delivery.setState(WebhookDeliveryEntity.FAILED);
        }
        int attempt = delivery.attempts().count();
        int failures = hook.getConsecutiveFailures() + 1;
        hook.setConsecutiveFailures(failures);
        if (failures >= settings.disableAfterFailures() && hook.isEnabled()) {
            hook.setEnabled(false);
            hook.setDisabledReason("disabled at " + now + " after " + failures + " consecutive failed deliveries; last: " + abbreviated(error));
        }
        return attempt;
    }

    private static String abbreviated(String error) {
        return error.length() > 300 ? error.substring(0, 300) : error;
    }
}
