package org.atrium.api.sla;

import java.time.Instant;
import java.util.List;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The service levels of tickets, for whoever may see them. */
@ProviderType
public interface SlaService {
    /** The ticket's clocks with their explanation; empty for a type without service levels. */
    List<SlaClock> clocks(Caller caller, String ticketKey);

    /** Largest {@code limit} of the lists below. */
    int MAX_LIMIT = 200;
    int DEFAULT_LIMIT = 50;
    /** The breaches' period when {@code from} is not given: this long before {@code to}. */
    java.time.Duration DEFAULT_BREACH_PERIOD = java.time.Duration.ofDays(30);

    /**
     * The department's clocks still counting towards a due time (running, or running past it), nearest
     * breach first: the {@code limit} that fall due soonest, sorted by the business time they have
     * left. For the department's agents; administrators see those of tickets that are not confidential;
     * anyone else gets a ForbiddenException.
     */
    List<SlaClockEntry> atRisk(Caller caller, String department, int limit);

    /**
     * The department's clocks whose breach was recorded in [{@code from}, {@code to}), latest first, at
     * most {@code limit}; who may see them as for {@link #atRisk}. A null {@code to} is now, a null
     * {@code from} {@link #DEFAULT_BREACH_PERIOD} before {@code to}.
     */
    List<SlaClockEntry> breaches(Caller caller, String department, Instant from, Instant to, int limit);
}
