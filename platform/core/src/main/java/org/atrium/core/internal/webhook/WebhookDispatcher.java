package org.atrium.core.internal.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.WebhookAttemptEntity;
import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;
import org.atrium.core.internal.worker.DueRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries. A run claims a few due rows in a short transaction (DueRows, as the outbox
 * does: on PostgreSQL {@code FOR UPDATE SKIP LOCKED}, so two nodes never claim the same row) and leases them by moving
 * their next attempt {@link #LEASE} ahead; it then POSTs them outside any transaction (a slow receiver
 * holds no lock and no connection) and records each result in a transaction of its own. If the node
 * dies in between, the lease runs out and another run sends the row again with the same
 * {@code X-Atrium-Delivery} id, which receivers use to drop duplicates.
 */
final class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Longer than a batch of sends may take (each at most 15 s). */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Rows a run claims: at most CLAIM x 15 s per run, so a stop never waits long. */
    static final int CLAIM = 10;
    private final Database db;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Clock clock;

    private record Claimed(long deliveryId, long webhookId, String url, String secret, String eventType, String payload) {
    }

    WebhookDispatcher(Database db, WebhookSender sender, WebhookSettings settings, Clock clock) {
        this.db = db;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** One run: returns how many deliveries it attempted (a full batch makes the worker run again at once). */
    int sendDue(int limit) {
        List<Claimed> claimed = db.inTransaction(em -> claim(em, clock.instant(), Math.min(limit, CLAIM)));
        for (Claimed row : claimed) {
            WebhookSender.Result result = sender.send(row.url(), row.secret(), row.deliveryId(), row.eventType(), row.payload());
            db.inTransaction(em -> record(em, row, result));
        }
        return claimed.size() < Math.min(limit, CLAIM) ? claimed.size() : limit;
    }

    private List<Claimed> claim(EntityManager em, Instant now, int limit) {
        List<WebhookDeliveryEntity> due = due(em, now, limit);
        List<Claimed> claimed = new ArrayList<>();
        for (WebhookDeliveryEntity delivery : due) {
            WebhookEntity hook = em.find(WebhookEntity.class, delivery.getWebhookId());
            if (hook == null || !hook.isEnabled()) {
                continue; // a disabled subscription's deliveries wait until an administrator enables it again
            }
            delivery.attempts().leaseUntil(now.plus(LEASE));
            claimed.add(new Claimed(delivery.getId(), hook.getId(), hook.getUrl(), hook.getSecret(), delivery.getEventType(),
                    delivery.getPayload()));
        }
        return claimed;
    }

    private List<WebhookDeliveryEntity> due(EntityManager em, Instant now, int limit) {
        return DueRows.claim(em, db.dialect(), WebhookDeliveryEntity.class, "webhook_delivery",
                "webhook_id IN (SELECT id FROM webhook WHERE enabled = TRUE)", "next_attempt_at, id", now, limit);
    }

    private Void record(EntityManager em, Claimed row, WebhookSender.Result result) {
        WebhookEntity hook = em.find(WebhookEntity.class, row.webhookId(), LockModeType.PESSIMISTIC_WRITE);
        WebhookDeliveryEntity delivery = em.find(WebhookDeliveryEntity.class, row.deliveryId());
        if (hook == null || delivery == null) {
            return null; // deleted while it was being sent
        }
        Instant now = clock.instant();
        boolean wasEnabled = hook.isEnabled();
        int attempt = AttemptOutcome.apply(hook, delivery, result, now, settings);
        em.persist(new WebhookAttemptEntity(hook.getId(), delivery.getId(), attempt, now, result.status(), result.error(),
                result.durationMillis(), result.delivered() ? AttemptOutcome.DELIVERED : AttemptOutcome.FAILED));
        if (!result.delivered()) {
            LOG.warn("Webhook {}: delivery {} ({}) attempt {} to {} failed: {}", hook.getId(), delivery.getId(), delivery.getEventType(),
                    attempt, hook.getUrl(), result.error());
        }
        if (wasEnabled && !hook.isEnabled()) {
            LOG.error("Webhook {} to {} disabled: {}", hook.getId(), hook.getUrl(), hook.getDisabledReason());
        }
        return null;
    }
}
