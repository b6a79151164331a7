package org.atrium.api.sla;

import java.util.List;

import org.atrium.api.catalog.Condition;

/**
 * A condition on the ticket that starts, pauses, stops, cancels or resets a clock. It holds when
 * any of its parts holds: the ticket's status category is one of {@code categories}, its state one
 * of {@code states}, the form {@code field} condition holds, or ({@code publicAgentComment}) an agent
 * of the ticket's department has written a public comment on it.
 */
public record ClockCondition(List<String> categories, List<String> states, Condition field, boolean publicAgentComment) {
    public static final ClockCondition NEVER = new ClockCondition(List.of(), List.of(), null, false);

    public ClockCondition {
        categories = categories == null ? List.of() : List.copyOf(categories);
        states = states == null ? List.of() : List.copyOf(states);
    }

    public static ClockCondition categories(String... categories) {
        return new ClockCondition(List.of(categories), List.of(), null, false);
    }

    public boolean isNever() {
        return categories.isEmpty() && states.isEmpty() && field == null && !publicAgentComment;
    }
}
