package org.atrium.core.internal.ticket;

/** Folds the open SLA clocks again, e.g. after a policy or calendar changed; called by {@link ClockRefresh}. */
public interface OpenClocks {
    /**
     * Recomputes the clocks of up to {@code limit} tickets with an open clock (waiting, running or
     * paused) whose id is above {@code afterTicketId}, each in its own transaction.
     *
     * @return the id of the last ticket done, or -1 when there was none left
     */
    long recompute(long afterTicketId, int limit);
}
