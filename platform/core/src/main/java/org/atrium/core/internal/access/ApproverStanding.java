package org.atrium.core.internal.access;

import java.time.LocalDate;

/**
 * How the caller stands to one approval, as the approval desk found it: the approver, their
 * out-of-office delegate (on a day they are away or not), or neither.
 */
public record ApproverStanding(Kind kind, String approver, LocalDate awayFrom, LocalDate awayUntil) {
    public enum Kind { APPROVER, DELEGATE_TODAY, DELEGATE_NOT_TODAY, NONE }

    public static ApproverStanding approver(String approver) {
        return new ApproverStanding(Kind.APPROVER, approver, null, null);
    }

    public static ApproverStanding delegateToday(String approver) {
        return new ApproverStanding(Kind.DELEGATE_TODAY, approver, null, null);
    }

    public static ApproverStanding delegateNotToday(String approver, LocalDate from, LocalDate until) {
        return new ApproverStanding(Kind.DELEGATE_NOT_TODAY, approver, from, until);
    }

    public static ApproverStanding none(String approver) {
        return new ApproverStanding(Kind.NONE, approver, null, null);
    }
}
