package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A link between two tickets, stored once in its canonical direction (see {@code LinkType}). */
@Entity
@Table(name = "ticket_link")
public class LinkEntity {
    @Id
    @TableGenerator(name = "link_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "ticket_link", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "link_ids")
    private long id;
    @Column(name = "from_ticket", nullable = false, updatable = false)
    private long fromTicket;
    @Column(name = "to_ticket", nullable = false, updatable = false)
    private long toTicket;
    @Column(name = "link_type", nullable = false, updatable = false)
    private String type;
    @Convert(converter = PersonColumn.class)
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LinkEntity() {
    }

    public LinkEntity(long fromTicket, long toTicket, String type, String createdBy, Instant createdAt) {
        this.fromTicket = fromTicket;
        this.toTicket = toTicket;
        this.type = type;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public long getId() { return id; }
    public long getFromTicket() { return fromTicket; }
    public long getToTicket() { return toTicket; }
    public String getType() { return type; }
}
