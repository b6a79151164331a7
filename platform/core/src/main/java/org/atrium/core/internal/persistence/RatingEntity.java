package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The requester's rating of a ticket; the ticket is the key: one rating per ticket, changed in place. */
@Entity
@Table(name = "ticket_rating")
public class RatingEntity {
    @Id
    @Column(name = "ticket_id")
    private long ticketId;
    @Column(nullable = false)
    private int score;
    @Column(name = "comment")
    private String comment;
    @Convert(converter = PersonColumn.class)
    @Column(name = "rated_by", nullable = false)
    private String ratedBy;
    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    protected RatingEntity() {
    }

    public RatingEntity(long ticketId) {
        this.ticketId = ticketId;
    }

    public void rate(int score, String comment, String ratedBy, Instant ratedAt) {
        this.score = score;
        this.comment = comment;
        this.ratedBy = ratedBy;
        this.ratedAt = ratedAt;
    }

    public long getTicketId() { return ticketId; }
    public int getScore() { return score; }
    public String getComment() { return comment; }
    public String getRatedBy() { return ratedBy; }
    public Instant getRatedAt() { return ratedAt; }
}
