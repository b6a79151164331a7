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

@Entity
@Table(name = "ticket_comment")
public class CommentEntity {
    @Id
    @TableGenerator(name = "comment_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "ticket_comment", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "comment_ids")
    private long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;
    @Convert(converter = PersonColumn.class)
    @Column(nullable = false, updatable = false)
    private String author;
    @Column(nullable = false, updatable = false)
    private String body;
    @Column(nullable = false, updatable = false)
    private boolean internal;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CommentEntity() {
    }

    public CommentEntity(long ticketId, String author, String body, boolean internal, Instant createdAt) {
        this.ticketId = ticketId;
        this.author = author;
        this.body = body;
        this.internal = internal;
        this.createdAt = createdAt;
    }

    public long getId() { return id; }
    public long getTicketId() { return ticketId; }
    public String getAuthor() { return author; }
    public String getBody() { return body; }
    public boolean isInternal() { return internal; }
    public Instant getCreatedAt() { return createdAt; }
}
