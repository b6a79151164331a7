package org.atrium.api.approval;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens when an approver does not decide in time.
 *
 * @param after        how long after the request the implicit decision is taken (ISO-8601, e.g. {@code P3D})
 * @param remindBefore how long before the timeout the approver is reminded; null: no reminder
 * @param decision     {@code approve}, {@code reject} or {@code escalate} (to the approver's manager)
 */
public record StageTimeout(Duration after, Duration remindBefore, String decision) {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String ESCALATE = "escalate";

    public StageTimeout {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(decision, "decision");
    }
}
