package org.atrium.core.internal.sla;

import java.time.Instant;
import java.util.Map;

import org.atrium.api.sla.ClockCondition;

/**
 * The ticket as it stood right after one history row: what clock conditions are evaluated on.
 *
 * @param historyId          the row's id
 * @param at                 when it happened
 * @param cause              the row in words, for explanations
 * @param state              the workflow state
 * @param category           its status category
 * @param fields             the form values
 * @param priority           P1 to P4
 * @param publicAgentComment whether an agent of the department had written a public comment by then
 * @param everResolved       whether the ticket had been in a resolved state by then
 */
public record TicketMoment(long historyId, Instant at, String cause, String state, String category, Map<String, Object> fields,
        String priority, boolean publicAgentComment, boolean everResolved) {

    public boolean holds(ClockCondition condition) {
        return condition.categories().contains(category) || condition.states().contains(state)
                || (condition.field() != null && condition.field().holds(fields.get(condition.field().field())))
                || (condition.publicAgentComment() && publicAgentComment);
    }
}
