package org.atrium.core.internal.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event types a subscription may name, and the outbox event topic each comes from (the topics
 * TicketEvents, Approvals and SlaClocks write).
 */
final class WebhookEvents {
    /** Event type by topic, in the order the docs list them. */
    static final Map<String, String> BY_TOPIC;

    static {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("atrium/ticket/CREATED", "ticket.created");
        types.put("atrium/ticket/UPDATED", "ticket.updated");
        types.put("atrium/ticket/TRANSITIONED", "ticket.status");
        types.put("atrium/ticket/COMMENTED", "ticket.commented");
        types.put("atrium/ticket/LINKED", "ticket.linked");
        types.put("atrium/approval/REQUESTED", "approval.requested");
        types.put("atrium/approval/DECIDED", "approval.decided");
        types.put("atrium/approval/APPROVED", "approval.approved");
        types.put("atrium/approval/REJECTED", "approval.rejected");
        types.put("atrium/sla/WARNING", "sla.warning");
        types.put("atrium/sla/BREACHED", "sla.breached");
        BY_TOPIC = java.util.Collections.unmodifiableMap(types);
    }

    private WebhookEvents() {
    }

    static List<String> types() {
        return List.copyOf(BY_TOPIC.values());
    }

    /** The event type of a topic, or null when webhooks do not carry it. */
    static String typeOf(String topic) {
        return BY_TOPIC.get(topic);
    }
}
