package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.PostLoad;
import javax.persistence.PrePersist;
import javax.persistence.Table;
import javax.persistence.Transient;
import javax.persistence.TableGenerator;

/** One immutable history row: every column is insert-only. */
@Entity
@Table(name = "ticket_history")
public class HistoryEntity {
    @Id
    @TableGenerator(name = "history_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "ticket_history", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "history_ids")
    private long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;
    @Convert(converter = PersonColumn.class)
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(nullable = false, updatable = false)
    private String action;
    @Column(updatable = false)
    private String field;
    /** Columns as stored: a value that names a person ({@link PersonValuedHistory}) is the person's id. */
    @Column(name = "before_value", updatable = false)
    private String beforeColumn;
    @Column(name = "after_value", updatable = false)
    private String afterColumn;
    /** Where the request that made the change came from (the REST layer's client address); null for the server's own work. */
    @Column(name = "client_address", updatable = false)
    private String clientAddress;
    /** Values as the domain reads them: logins (pseudonyms once erased). */
    @Transient
    private String before;
    @Transient
    private String after;

    protected HistoryEntity() {
    }

    public HistoryEntity(long ticketId, Instant at, String actor, String action, String field, String before, String after) {
        this.ticketId = ticketId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.field = field;
        this.before = before;
        this.after = after;
        this.clientAddress = org.atrium.api.audit.RequestOrigin.address();
    }

    @PrePersist
    void namePeopleById() {
        PersonIds ids = PersonIds.current();
        beforeColumn = PersonValuedHistory.before(action, field) ? ids.idOf(before) : before;
        afterColumn = PersonValuedHistory.after(action, field) ? ids.idOf(after) : after;
    }

    @PostLoad
    void namePeopleByLogin() {
        PersonIds ids = PersonIds.current();
        before = PersonValuedHistory.before(action, field) ? ids.loginOf(beforeColumn) : beforeColumn;
        after = PersonValuedHistory.after(action, field) ? ids.loginOf(afterColumn) : afterColumn;
    }

    public long getId() { return id; }
    public long getTicketId() { return ticketId; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getField() { return field; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
    public String getClientAddress() { return clientAddress; }
}
