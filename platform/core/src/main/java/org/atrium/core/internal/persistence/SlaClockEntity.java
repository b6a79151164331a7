package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** One SLA clock of a ticket as last computed from its history (a cache: the history is the truth). */
@Entity
@Table(name = "sla_clock")
public class SlaClockEntity {
    @Id
    @TableGenerator(name = "sla_clock_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "sla_clock", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sla_clock_ids")
    private long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;
    @Column(name = "clock_key", nullable = false, updatable = false)
    private String clockKey;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String state;
    @Column(nullable = false)
    private String priority;
    @Column(name = "target_seconds", nullable = false)
    private long targetSeconds;
    @Column(nullable = false)
    private String calendar;
    @Column(name = "elapsed_seconds", nullable = false)
    private long elapsedSeconds;
    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "warn_at")
    private Instant warnAt;
    @Column(name = "warned_at")
    private Instant warnedAt;
    @Column(name = "breached_at")
    private Instant breachedAt;
    @Column(name = "stopped_at")
    private Instant stoppedAt;
    @Version
    private long version;

    protected SlaClockEntity() {
    }

    public SlaClockEntity(long ticketId, String clockKey) {
        this.ticketId = ticketId;
        this.clockKey = clockKey;
    }

    public long getId() { return id; }
    public long getVersion() { return version; }
    public long getTicketId() { return ticketId; }
    public String getClockKey() { return clockKey; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public long getTargetSeconds() { return targetSeconds; }
    public void setTargetSeconds(long targetSeconds) { this.targetSeconds = targetSeconds; }
    public String getCalendar() { return calendar; }
    public void setCalendar(String calendar) { this.calendar = calendar; }
    public long getElapsedSeconds() { return elapsedSeconds; }
    public void setElapsedSeconds(long elapsedSeconds) { this.elapsedSeconds = elapsedSeconds; }
    public Instant getComputedAt() { return computedAt; }
    public void setComputedAt(Instant computedAt) { this.computedAt = computedAt; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Instant getWarnAt() { return warnAt; }
    public void setWarnAt(Instant warnAt) { this.warnAt = warnAt; }
    public Instant getWarnedAt() { return warnedAt; }
    public void setWarnedAt(Instant warnedAt) { this.warnedAt = warnedAt; }
    public Instant getBreachedAt() { return breachedAt; }
    public void setBreachedAt(Instant breachedAt) { this.breachedAt = breachedAt; }
    public Instant getStoppedAt() { return stoppedAt; }
    public void setStoppedAt(Instant stoppedAt) { this.stoppedAt = stoppedAt; }
}
