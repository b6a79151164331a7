package org.atrium.api.approval;

import java.time.Instant;
import java.util.List;

/**
 * Where a ticket's latest approval stands, as part of the ticket.
 *
 * @param state     pending, approved or rejected
 * @param stage     the stage that is pending, or that decided a rejection; null for an approval
 * @param decidedAt when the outcome was reached; null while pending
 * @param decidedBy who decided it (in order); empty for a pre-approved or pending one
 */
public record ApprovalOutcome(String state, String stage, Instant decidedAt, List<String> decidedBy) {
    public ApprovalOutcome {
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
