package org.atrium.api.approval;

/**
 * When a stage with parallel approvers is decided.
 * <ul>
 * <li>{@code any}: the first decision decides the stage, approve or reject;</li>
 * <li>{@code all}: every approver must approve; one rejection rejects;</li>
 * <li>{@code atLeast} n: n approvals approve; rejected once n can no longer be reached;</li>
 * <li>{@code percent} p: p % of the approvers (rounded up) must approve, as with atLeast.</li>
 * </ul>
 */
public record DecisionRule(String kind, int value) {
    public static final String ANY = "any";
    public static final String ALL = "all";
    public static final String AT_LEAST = "atLeast";
    public static final String PERCENT = "percent";
    public static final DecisionRule FIRST = new DecisionRule(ANY, 1);

    /** Approvals needed out of {@code approvers} (never more than there are approvers). */
    public int needed(int approvers) {
        int needed = switch (kind) {
            case ANY -> 1;
            case ALL -> approvers;
            case AT_LEAST -> value;
            case PERCENT -> (int) Math.ceil(approvers * value / 100.0);
            default -> throw new IllegalStateException("unknown decision rule " + kind);
        };
        return Math.max(1, Math.min(needed, approvers));
    }

    /**
     * The stage's outcome so far: {@code approved}, {@code rejected} or null while it is open.
     *
     * @param approvers every approver of the stage (decided or not)
     * @param approved  approvals so far
     * @param rejected  rejections so far
     */
    public String outcome(int approvers, int approved, int rejected) {
        if (ANY.equals(kind)) {
            return approved > 0 ? Approval.APPROVED : rejected > 0 ? Approval.REJECTED : null;
        }
        int needed = needed(approvers);
        if (approved >= needed) {
            return Approval.APPROVED;
        }
        return approvers - rejected < needed ? Approval.REJECTED : null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AT_LEAST -> value + " approvals";
            case PERCENT -> value + " % of the approvers";
            default -> kind;
        };
    }
}
