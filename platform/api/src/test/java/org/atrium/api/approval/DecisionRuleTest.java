package org.atrium.api.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** When a stage with parallel approvers is decided, rule by rule. */
class DecisionRuleTest {
    private static final DecisionRule ANY = new DecisionRule(DecisionRule.ANY, 0);
    private static final DecisionRule ALL = new DecisionRule(DecisionRule.ALL, 0);
    private static final DecisionRule TWO = new DecisionRule(DecisionRule.AT_LEAST, 2);
    private static final DecisionRule HALF = new DecisionRule(DecisionRule.PERCENT, 50);

    @Test
    void anyIsDecidedByTheFirstDecisionEitherWay() {
        assertNull(ANY.outcome(3, 0, 0));
        assertEquals(Approval.APPROVED, ANY.outcome(3, 1, 0));
        assertEquals(Approval.REJECTED, ANY.outcome(3, 0, 1));
    }

    @Test
    void allNeedsEveryoneAndOneRejectionRejects() {
        assertNull(ALL.outcome(3, 2, 0));
        assertEquals(Approval.APPROVED, ALL.outcome(3, 3, 0));
        assertEquals(Approval.REJECTED, ALL.outcome(3, 2, 1));
    }

    @Test
    void atLeastIsRejectedOnceItCanNoLongerBeReached() {
        assertNull(TWO.outcome(4, 1, 1), "two may still approve");
        assertNull(TWO.outcome(4, 1, 2), "one left, one needed");
        assertEquals(Approval.REJECTED, TWO.outcome(4, 0, 3));
        assertEquals(Approval.APPROVED, TWO.outcome(4, 2, 2));
    }

    @Test
    void aRuleNeverNeedsMoreApprovalsThanThereAreApprovers() {
        assertEquals(1, TWO.needed(1), "a CAB of one after the requester left it");
        assertEquals(Approval.APPROVED, TWO.outcome(1, 1, 0));
        assertEquals(1, HALF.needed(1));
    }

    @Test
    void percentRoundsUp() {
        assertEquals(2, HALF.needed(3));
        assertEquals(2, HALF.needed(4));
        assertEquals(3, new DecisionRule(DecisionRule.PERCENT, 51).needed(4));
        assertNull(HALF.outcome(3, 1, 1));
        assertEquals(Approval.APPROVED, HALF.outcome(3, 2, 1));
        assertEquals(Approval.REJECTED, HALF.outcome(3, 0, 2));
    }
}
