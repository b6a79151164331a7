package org.atrium.api.spi;

import org.atrium.api.ticket.Ticket;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link TransitionAction} is told about the status change it follows. Atrium implements
 * it; later versions add methods here. Made for one delivery, not to be kept.
 */
@ProviderType
public interface TransitionContext {

    /**
     * The ticket as it is now, read when the action runs: it may have moved on since the transition
     * (compare {@link Ticket#status()} with {@link #to()} when that matters).
     */
    Ticket ticket();

    /** The status the ticket left. */
    String from();

    /** The status the ticket entered, whose {@code onEnter} names the action. */
    String to();

    /** The login of whoever made the transition (an agent, the requester, or {@code system} for timers). */
    String actor();
}
