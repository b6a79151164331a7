package org.atrium.api.approval;

/**
 * An approver's answer: {@code approve} or {@code reject}, with a comment (required for a rejection,
 * which the requester reads as the reason).
 */
public record Decision(String decision, String comment) {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
}
