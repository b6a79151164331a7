package org.atrium.api.approval;

import java.time.Instant;
import java.util.Map;

/**
 * One approver's part in one stage of a ticket's approval.
 *
 * @param id            stable id, for {@code POST /approvals/{id}}
 * @param ticket        the ticket's key
 * @param summary       the ticket's summary
 * @param type          the ticket's request type key
 * @param round         1 for the first time the ticket entered the approval's state, 2 for the next, ...
 * @param stage         the stage's key
 * @param stageNames    the stage's names per language tag
 * @param approver      whose decision it is (after a hand-over or an escalation: the new approver)
 * @param handedOverBy  who handed it to {@code approver}; null unless handed over
 * @param state         pending, approved, rejected, escalated (passed to the approver's manager), or
 *                      withdrawn (not needed any more: the stage was decided by others, or the ticket moved on)
 * @param decidedBy     who decided (the approver, or their out-of-office delegate); the server for an implicit decision
 * @param onBehalfOf    the approver when their delegate decided; null otherwise
 * @param comment       the decision's comment
 * @param requestedAt   when the approval was asked for
 * @param dueAt         when the stage's timeout takes the implicit decision; null without a timeout
 * @param decidedAt     null while pending
 * @param fields        the form fields the stage shows its approvers (only those)
 * @param version       for optimistic locking
 */
public record Approval(long id, String ticket, String summary, String type, int round, String stage, Map<String, String> stageNames,
        String approver, String handedOverBy, String state, String decidedBy, String onBehalfOf, String comment,
        Instant requestedAt, Instant dueAt, Instant decidedAt, Map<String, Object> fields, long version) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String ESCALATED = "escalated";
    public static final String WITHDRAWN = "withdrawn";

    public Approval {
        stageNames = stageNames == null ? Map.of() : Map.copyOf(stageNames);
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
