package org.atrium.api.approval;

import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.Condition;

/**
 * One stage of an approval process: its approvers decide in parallel; stages run in order.
 *
 * @param key       unique within the process, e.g. {@code manager}
 * @param names     display name per language tag
 * @param approvers the rules whose people (together, without duplicates, never the requester) approve
 * @param rule      when the stage is decided
 * @param onlyWhen  the stage applies only when this holds on the form; null: always
 * @param skipWhen  the stage is skipped (pre-approved) when this holds; null: never
 * @param shows     the form fields an approver sees of the ticket (besides key, type and summary)
 * @param locks     form fields that nobody may change once the stage approved
 * @param timeout   the implicit decision when approvers wait too long; null: they are not chased
 */
public record ApprovalStage(String key, Map<String, String> names, List<ApproverRule> approvers, DecisionRule rule,
        Condition onlyWhen, Condition skipWhen, List<String> shows, List<String> locks, StageTimeout timeout) {
    public ApprovalStage {
        names = Map.copyOf(names);
        approvers = List.copyOf(approvers);
        rule = rule == null ? DecisionRule.FIRST : rule;
        shows = shows == null ? List.of() : List.copyOf(shows);
        locks = locks == null ? List.of() : List.copyOf(locks);
    }

    /** Whether the stage asks for decisions on a ticket with these form values. */
    public boolean appliesTo(Map<String, Object> fields) {
        return (onlyWhen == null || onlyWhen.holds(fields.get(onlyWhen.field())))
                && (skipWhen == null || !skipWhen.holds(fields.get(skipWhen.field())));
    }
}
