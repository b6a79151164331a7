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
import javax.persistence.Version;

/** One approver's part in one stage of one round of a ticket's approval. */
@Entity
@Table(name = "approval")
public class ApprovalEntity {
    @Id
    @TableGenerator(name = "approval_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "approval", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "approval_ids")
    private long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;
    @Column(name = "round_no", nullable = false, updatable = false)
    private int round;
    @Column(name = "stage_index", nullable = false, updatable = false)
    private int stageIndex;
    @Column(name = "stage_key", nullable = false, updatable = false)
    private String stageKey;
    @Convert(converter = PersonColumn.class)
    @Column(nullable = false)
    private String approver;
    @Convert(converter = PersonColumn.class)
    @Column(name = "handed_over_by")
    private String handedOverBy;
    @Column(nullable = false)
    private String state;
    @Convert(converter = PersonColumn.class)
    @Column(name = "decided_by")
    private String decidedBy;
    @Convert(converter = PersonColumn.class)
    @Column(name = "on_behalf_of")
    private String onBehalfOf;
    @Column(name = "decision_comment")
    private String comment;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private long version;

    protected ApprovalEntity() {
    }

    public ApprovalEntity(long ticketId, int round, int stageIndex, String stageKey, String approver, String state,
            Instant requestedAt, Instant dueAt) {
        this.ticketId = ticketId;
        this.round = round;
        this.stageIndex = stageIndex;
        this.stageKey = stageKey;
        this.approver = approver;
        this.state = state;
        this.requestedAt = requestedAt;
        this.dueAt = dueAt;
    }

    public long getId() { return id; }
    public long getTicketId() { return ticketId; }
    public int getRound() { return round; }
    public int getStageIndex() { return stageIndex; }
    public String getStageKey() { return stageKey; }
    public String getApprover() { return approver; }
    public void setApprover(String approver) { this.approver = approver; }
    public String getHandedOverBy() { return handedOverBy; }
    public void setHandedOverBy(String handedOverBy) { this.handedOverBy = handedOverBy; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public String getOnBehalfOf() { return onBehalfOf; }
    public void setOnBehalfOf(String onBehalfOf) { this.onBehalfOf = onBehalfOf; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public long getVersion() { return version; }
}
