package org.atrium.api.notification;

import java.time.Instant;
import java.util.List;

/**
 * The outgoing mail queue at a glance.
 *
 * @param pending  mails waiting to be sent (also those waiting for a retry)
 * @param failed   mails given up after the last attempt
 * @param sent     mails sent
 * @param problems the pending mails with an error and the failed ones, newest first
 */
public record MailQueueReport(long pending, long failed, long sent, List<Entry> problems) {
    public MailQueueReport {
        problems = List.copyOf(problems);
    }

    /** One mail of the queue. */
    public record Entry(long id, String recipient, String template, String ticketKey, String state, int attempts,
            Instant nextAttemptAt, String lastError) {
    }
}
