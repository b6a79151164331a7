package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One HTTP attempt of a webhook delivery: the subscription's delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttemptEntity {
    @Id
    @TableGenerator(name = "webhook_attempt_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "webhook_attempt", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "webhook_attempt_ids")
    private long id;
    @Column(name = "webhook_id", nullable = false, updatable = false)
    private long webhookId;
    @Column(name = "delivery_id", nullable = false, updatable = false)
    private long deliveryId;
    @Column(nullable = false, updatable = false)
    private int attempt;
    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;
    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;
    @Column(updatable = false)
    private String error;
    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;
    @Column(nullable = false, updatable = false)
    private String outcome;

    protected WebhookAttemptEntity() {
    }

    public WebhookAttemptEntity(long webhookId, long deliveryId, int attempt, Instant attemptedAt, Integer httpStatus, String error,
            long durationMs, String outcome) {
        this.webhookId = webhookId;
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.error = error;
        this.durationMs = durationMs;
        this.outcome = outcome;
    }

    public long getId() { return id; }
    public long getWebhookId() { return webhookId; }
    public long getDeliveryId() { return deliveryId; }
    public int getAttempt() { return attempt; }
    public Instant getAttemptedAt() { return attemptedAt; }
    public Integer getHttpStatus() { return httpStatus; }
    public String getError() { return error; }
    public long getDurationMs() { return durationMs; }
    public String getOutcome() { return outcome; }
}
