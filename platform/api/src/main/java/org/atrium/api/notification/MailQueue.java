package org.atrium.api.notification;

import org.osgi.annotation.versioning.ProviderType;

/** The outgoing mail queue, for operators (the console's {@code atrium:mail}). */
@ProviderType
public interface MailQueue {
    /** Counts and the mails with problems (at most {@code limit}). */
    MailQueueReport report(int limit);

    /** Sends a pending or failed mail again at once; false when there is no such mail or it was sent. */
    boolean retry(long id);
}
