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

/** Something to deliver after the transaction that wrote it commits: an event, an action to run. */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
    @Id
    @TableGenerator(name = "outbox_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "outbox", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "outbox_ids")
    private long id;
    @Column(nullable = false, updatable = false)
    private String kind;
    @Column(nullable = false, updatable = false)
    private String name;
    @Column(nullable = false, updatable = false)
    private String payload;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Embedded
    private DeliveryAttempts attempts;

    protected OutboxEntity() {
    }

    public OutboxEntity(String kind, String name, String payload, Instant createdAt) {
        this.kind = kind;
        this.name = name;
        this.payload = payload;
        this.createdAt = createdAt;
        this.attempts = new DeliveryAttempts(createdAt);
    }

    public long getId() { return id; }
    public String getKind() { return kind; }
    public String getName() { return name; }
    public String getPayload() { return payload; }
    public Instant getCreatedAt() { return createdAt; }
    public DeliveryAttempts attempts() { return attempts; }
}
