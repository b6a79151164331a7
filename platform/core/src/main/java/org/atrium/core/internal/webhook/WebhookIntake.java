package org.atrium.core.internal.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;

/**
 * Turns one event the outbox delivers into a durable delivery row per subscription that receives it
 * (WebhookFilter), all in one transaction: once it commits, the deliveries survive a crash and are
 * retried until sent. At most one row per (outbox entry, subscription): the outbox delivers an entry
 * again when its node died before removing it, and that run must find its rows and add none.
 */
final class WebhookIntake {
    private final Clock clock;

    WebhookIntake(Clock clock) {
        this.clock = clock;
    }

    /** Returns how many deliveries it wrote (0 for a topic webhooks do not carry, a ticket no subscription receives, or an entry already taken in). */
    int accept(EntityManager em, long outboxEntryId, String topic, Map<String, Object> event) {
        String type = WebhookEvents.typeOf(topic);
        if (type == null || !(event.get("key") instanceof String key)) {
            return 0;
        }
        List<WebhookEntity> hooks = em.createQuery("SELECT w FROM WebhookEntity w WHERE w.enabled = :enabled ORDER BY w.id", WebhookEntity.class)
                .setParameter("enabled", true).getResultList();
        if (hooks.isEmpty()) {
            return 0;
        }
        List<TicketEntity> found = em.createQuery("SELECT t FROM TicketEntity t WHERE t.key = :key", TicketEntity.class)
                .setParameter("key", key).getResultList();
        if (found.isEmpty()) {
            return 0;
        }
        TicketEntity ticket = found.get(0);
        List<WebhookDeliveryEntity> written = em.createQuery("SELECT d FROM WebhookDeliveryEntity d WHERE d.outboxEntryId = :entry",
                WebhookDeliveryEntity.class).setParameter("entry", outboxEntryId).getResultList();
        List<Long> done = written.stream().map(WebhookDeliveryEntity::getWebhookId).toList();
        // the ticket's row decides, not the event: confidentiality is what the ticket pins
        List<WebhookEntity> receivers = hooks.stream().filter(hook -> !done.contains(hook.getId()))
                .filter(hook -> WebhookFilter.receives(hook, type, ticket.getDepartment(), ticket.isConfidential())).toList();
        if (receivers.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        // one event id for all subscriptions of an event, also for one enabled between two runs of its entry
        String eventId = written.isEmpty() ? UUID.randomUUID().toString() : written.get(0).getEventId();
        String payload = Json.write(WebhookPayload.of(eventId, type, now, ticket, event));
        for (WebhookEntity hook : receivers) {
            em.persist(new WebhookDeliveryEntity(hook.getId(), outboxEntryId, eventId, type, ticket.getKey(), payload, now));
        }
        return receivers.size();
    }
}
