package org.atrium.api.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription. {@code ownerDepartment} is the department of the administrator who created
 * it (null: a platform administrator's); only a subscription its confidential department owns receives
 * that department's confidential tickets. {@code secret} signs the deliveries and is present only in
 * the answer to a creation or a rotation. {@code disabledReason} says why failures disabled it.
 */
public record Webhook(long id, String url, List<String> events, String department, String ownerDepartment, boolean enabled,
        String disabledReason, int consecutiveFailures, String createdBy, Instant createdAt, Instant lastDeliveryAt,
        String lastOutcome, String secret) {

    /** The same subscription with its secret shown (creation, rotation). */
    public Webhook withSecret(String shown) {
        return new Webhook(id, url, events, department, ownerDepartment, enabled, disabledReason, consecutiveFailures, createdBy,
                createdAt, lastDeliveryAt, lastOutcome, shown);
    }
}
