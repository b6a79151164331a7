package org.atrium.core.internal.mail.out;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.atrium.api.notification.MailQueue;
import org.atrium.api.notification.MailQueueReport;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.worker.PollingWorker;
import org.atrium.core.internal.worker.Retries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued mails: a thread that claims due rows (on PostgreSQL with SKIP LOCKED, so two
 * nodes never send the same mail), sends each and records the outcome in the claim's transaction.
 * A failure is retried after 10 s, 20 s, 40 s, ... at most an hour, {@link Retries#MAX_ATTEMPTS}
 * times, then the mail is {@code failed} until an operator retries it ({@code atrium:mail --retry}).
 * While mail is disabled, nothing is sent and the queue waits.
 */
@Component(service = MailQueue.class, immediate = true)
public class MailWorker implements MailQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);
    static final int BATCH = 20;
    private final Database db;
    private final MailConfiguration configuration;
    private final SmtpSender sender;
    private final Clock clock;
    private final PollingWorker worker;

    @Activate
    public MailWorker(@Reference Database db, @Reference MailConfiguration configuration) {
        this(db, configuration, new SmtpSender(), Clock.systemUTC(), true);
    }

    /** @param threaded false in tests, which call {@link #sendDue} themselves */
    public MailWorker(Database db, MailConfiguration configuration, SmtpSender sender, Clock clock, boolean threaded) {
        this.db = db;
        this.configuration = configuration;
        this.sender = sender;
        this.clock = clock;
        this.worker = threaded ? PollingWorker.start("atrium-mail", this::sendDue, Duration.ofSeconds(2)) : null;
    }

    @Deactivate
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Sends up to {@code limit} due mails; returns how many it tried. */
    public synchronized int sendDue(int limit) {
        MailSettings settings = configuration.settings();
        if (!settings.enabled()) {
            return 0;
        }
        return db.inTransaction(em -> {
            Instant now = clock.instant();
            List<QueuedMail> due = MailStore.claim(em, db.dialect(), now, Math.min(limit, BATCH));
            for (QueuedMail mail : due) {
                try {
                    sender.send(settings, mail);
                    MailStore.sent(em, mail.id(), clock.instant());
                    LOG.debug("Sent mail {} to {}: {}", mail.id(), mail.recipient(), mail.subject());
                } catch (Exception e) {
                    int attempts = mail.attempts() + 1;
                    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    Instant next = attempts >= Retries.MAX_ATTEMPTS ? null : now.plus(Retries.backoff(attempts));
                    LOG.warn("Sending mail {} to {} failed (attempt {}){}: {}", mail.id(), mail.recipient(), attempts,
                            next == null ? "; given up" : "; next try at " + next, error);
                    MailStore.attemptFailed(em, mail.id(), error, next);
                }
            }
            return due.size();
        });
    }

    @Override
    public MailQueueReport report(int limit) {
        return db.read(em -> MailStore.report(em, limit));
    }

    @Override
    public boolean retry(long id) {
        boolean queued = db.inTransaction(em -> MailStore.retry(em, id, clock.instant()));
        if (queued && worker != null) {
            worker.nudge();
        }
        return queued;
    }
}
