package org.atrium.core.internal.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.schedule.Scheduler;
import org.atrium.core.internal.worker.PollingWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (docs/gdpr.md): once a day, through the durable scheduler (one node runs it, also after
 * a downtime), closed tickets past their type's retention ({@code etc/org.atrium.retention.cfg})
 * are anonymised, and sent mails, processed inbound mails and webhook attempts past their age
 * ({@link RetentionPurges}, 90 days by default) are deleted. Rules reload live; without rules no ticket is anonymised.
 */
@Component(immediate = true, configurationPid = "org.atrium.retention", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class RetentionService {
    static final String TIMER = "retention.daily";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    /** Tickets per transaction; a bigger backlog continues a minute later instead of a day. */
    static final int BATCH = 200;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration BACKLOG = Duration.ofMinutes(1);
    private final Database db;
    private final Clock clock;
    private final RetentionRun run;
    private final Scheduler scheduler;
    private final PollingWorker worker;
    private volatile RetentionRules rules;

    @Activate
    public RetentionService(@Reference Database db, @Reference RequestTypeRegistry types, Map<String, Object> config) {
        this(db, types, Clock.systemUTC(), config, true);
    }

    RetentionService(Database db, RequestTypeRegistry types, Clock clock, Map<String, Object> config, boolean poll) {
        this.db = db;
        this.clock = clock;
        FieldKinds kinds = new FieldKinds(types);
        this.run = new RetentionRun(new TicketRedaction(kinds), kinds);
        modified(config);
        this.scheduler = new Scheduler(db, clock);
        scheduler.handle(TIMER, (em, refId, dueAt) -> {
            int done = run.anonymiseDue(em, rules, clock.instant(), BATCH);
            if (done > 0) {
                LOG.info("Retention: anonymised {} closed tickets past their retention", done);
            }
            int purged = rules.purges().purge(em, clock.instant());
            if (purged > 0) {
                LOG.info("Retention: deleted {} rows of sent mails, processed inbound mails and webhook attempts past their age", purged);
            }
            scheduler.schedule(em, TIMER, 0, clock.instant().plus(done == BATCH ? BACKLOG : DAY));
        });
        ensureScheduled();
        this.worker = poll ? PollingWorker.start("atrium-retention", scheduler::runDue, Duration.ofMinutes(1)) : null;
    }

    @Modified
    void modified(Map<String, Object> config) {
        RetentionRules parsed = RetentionRules.parse(config == null ? Map.of() : config);
        parsed.problems().forEach(problem -> LOG.error("etc/org.atrium.retention.cfg: {} (entry ignored)", problem));
        rules = parsed;
        LOG.info("Retention rules: {}", parsed.rules());
    }

    @Deactivate
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** The first timer: one per database (a node that finds one leaves it; two at once run the same idempotent work). */
    private void ensureScheduled() {
        db.inTransaction(em -> {
            long timers = em.createQuery("SELECT COUNT(t) FROM ScheduledTaskEntity t WHERE t.kind = :kind", Long.class)
                    .setParameter("kind", TIMER).getSingleResult();
            if (timers == 0) {
                scheduler.schedule(em, TIMER, 0, clock.instant().plus(BACKLOG));
            }
            return null;
        });
    }

    /** For tests and the console: anonymises what is due now, in one transaction; returns how many. */
    int runNow(Instant now) {
        return db.inTransaction(em -> run.anonymiseDue(em, rules, now, BATCH));
    }

    /** For tests: deletes the mail and webhook log rows past their age now, in one transaction; returns how many. */
    int purgeNow(Instant now) {
        return db.inTransaction(em -> rules.purges().purge(em, now));
    }
}
