package org.atrium.api.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock in a department's at-risk or breach list: which ticket, which clock, and how it stands.
 *
 * @param ticketKey  the ticket's key, e.g. {@code IT-42}
 * @param summary    the ticket's summary
 * @param department the ticket's department
 * @param clock      the policy's clock key, e.g. {@code resolution}
 * @param kind       {@code sla} or {@code ola}
 * @param priority   the priority whose target applies
 * @param state      the clock's state as last computed (see {@link SlaClock})
 * @param target     its target, in business time
 * @param calendar   the calendar it counts in
 * @param dueAt      when it breaches (or breached) while it keeps running; null once stopped
 * @param remaining  business time left until the due time as of the request (negative once past it);
 *                   for a stopped clock, its target minus the time it counted
 * @param breachedAt when its breach was recorded; null if it has not breached
 */
public record SlaClockEntry(String ticketKey, String summary, String department, String clock, String kind, String priority, String state,
        Duration target, String calendar, Instant dueAt, Duration remaining, Instant breachedAt) {
}
