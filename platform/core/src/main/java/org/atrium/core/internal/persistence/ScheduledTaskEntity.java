package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A durable timer: {@code kind} (e.g. an approval's timeout) for the row {@code refId}, due at {@code dueAt}. */
@Entity
@Table(name = "scheduled_task")
public class ScheduledTaskEntity {
    @Id
    @TableGenerator(name = "scheduled_task_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "scheduled_task", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "scheduled_task_ids")
    private long id;
    @Column(nullable = false, updatable = false)
    private String kind;
    @Column(name = "ref_id", nullable = false, updatable = false)
    private long refId;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private int attempts;

    protected ScheduledTaskEntity() {
    }

    public ScheduledTaskEntity(String kind, long refId, Instant dueAt, Instant createdAt) {
        this.kind = kind;
        this.refId = refId;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
    }

    public long getId() { return id; }
    public String getKind() { return kind; }
    public long getRefId() { return refId; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Instant getCreatedAt() { return createdAt; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
}
