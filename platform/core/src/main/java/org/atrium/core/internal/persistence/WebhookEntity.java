package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A webhook subscription (docs/webhooks.md); {@code events} is a comma-separated list of event types. */
@Entity
@Table(name = "webhook")
public class WebhookEntity {
    @Id
    @TableGenerator(name = "webhook_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "webhook", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "webhook_ids")
    private long id;
    @Column(nullable = false)
    private String url;
    @Column(nullable = false)
    private String events;
    private String department;
    @Column(name = "owner_department", updatable = false)
    private String ownerDepartment;
    @Column(nullable = false)
    private String secret;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "disabled_reason")
    private String disabledReason;
    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "last_delivery_at")
    private Instant lastDeliveryAt;
    @Column(name = "last_outcome")
    private String lastOutcome;

    protected WebhookEntity() {
    }

    public WebhookEntity(String ownerDepartment, String secret, String createdBy, Instant createdAt) {
        this.ownerDepartment = ownerDepartment;
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.enabled = true;
    }

    public long getId() { return id; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getEvents() { return events; }
    public void setEvents(String events) { this.events = events; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getOwnerDepartment() { return ownerDepartment; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getDisabledReason() { return disabledReason; }
    public void setDisabledReason(String disabledReason) { this.disabledReason = disabledReason; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
    public void setConsecutiveFailures(int consecutiveFailures) { this.consecutiveFailures = consecutiveFailures; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastDeliveryAt() { return lastDeliveryAt; }
    public void setLastDeliveryAt(Instant lastDeliveryAt) { this.lastDeliveryAt = lastDeliveryAt; }
    public String getLastOutcome() { return lastOutcome; }
    public void setLastOutcome(String lastOutcome) { this.lastOutcome = lastOutcome; }
}
