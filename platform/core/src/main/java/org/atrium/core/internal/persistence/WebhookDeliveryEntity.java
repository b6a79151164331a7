package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One event to deliver to one subscription, written while the outbox delivers the event; at most one
 * per (subscription, outbox entry), so a redelivered entry writes none twice. {@code state} is
 * pending, delivered or failed (given up); its next attempt is null once it is not pending.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    @Id
    @TableGenerator(name = "webhook_delivery_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "webhook_delivery", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "webhook_delivery_ids")
    private long id;
    @Column(name = "webhook_id", nullable = false, updatable = false)
    private long webhookId;
    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;
    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;
    @Column(name = "ticket_key", updatable = false)
    private String ticketKey;
    @Column(nullable = false, updatable = false)
    private String payload;
    /** The outbox entry the event came from; null for rows written before V24. */
    @Column(name = "outbox_entry_id", updatable = false)
    private Long outboxEntryId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Embedded
    private DeliveryAttempts attempts;
    @Column(nullable = false)
    private String state;

    protected WebhookDeliveryEntity() {
    }

    public WebhookDeliveryEntity(long webhookId, String eventId, String eventType, String ticketKey, String payload, Instant createdAt) {
        this(webhookId, null, eventId, eventType, ticketKey, payload, createdAt);
    }

    public WebhookDeliveryEntity(long webhookId, Long outboxEntryId, String eventId, String eventType, String ticketKey, String payload,
            Instant createdAt) {
        this.webhookId = webhookId;
        this.outboxEntryId = outboxEntryId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.ticketKey = ticketKey;
        this.payload = payload;
        this.createdAt = createdAt;
        this.state = PENDING;
        this.attempts = new DeliveryAttempts(createdAt);
    }

    public long getId() { return id; }
    public long getWebhookId() { return webhookId; }
    public String getEventId() { return eventId; }
    public String getEventType() { return eventType; }
    public String getTicketKey() { return ticketKey; }
    public String getPayload() { return payload; }
    public Long getOutboxEntryId() { return outboxEntryId; }
    public Instant getCreatedAt() { return createdAt; }
    public DeliveryAttempts attempts() { return attempts; }
    public int getAttempts() { return attempts.count(); }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Instant getNextAttemptAt() { return attempts.nextAt(); }
}
