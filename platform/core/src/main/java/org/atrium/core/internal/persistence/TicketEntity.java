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

@Entity
@Table(name = "ticket")
public class TicketEntity {
    @Id
    @TableGenerator(name = "ticket_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "ticket", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ticket_ids")
    private long id;

    @Column(name = "ticket_key", nullable = false, updatable = false)
    private String key;
    @Column(name = "key_prefix", nullable = false, updatable = false)
    private String keyPrefix;
    @Column(name = "key_number", nullable = false, updatable = false)
    private long keyNumber;
    @Column(name = "type_key", nullable = false, updatable = false)
    private String typeKey;
    @Column(name = "type_version", nullable = false, updatable = false)
    private int typeVersion;
    @Column(nullable = false, updatable = false)
    private String department;
    @Column(nullable = false)
    private String summary;
    private String description;
    @Convert(converter = PersonColumn.class)
    @Column(nullable = false, updatable = false)
    private String requester;
    @Convert(converter = PersonColumn.class)
    private String assignee;
    @Column(name = "assignment_group")
    private String assignmentGroup;
    @Column(nullable = false)
    private String status;
    @Column(name = "status_category", nullable = false)
    private String statusCategory;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "resolution_code")
    private String resolutionCode;
    @Column(name = "auto_close_at")
    private Instant autoCloseAt;
    @Column(name = "approval_state")
    private String approvalState;
    @Column(name = "approval_stage")
    private String approvalStage;
    @Column(name = "approval_round", nullable = false)
    private int approvalRound;
    @Column(name = "approval_decided_at")
    private Instant approvalDecidedAt;
    @Convert(converter = PersonListColumn.class)
    @Column(name = "approval_deciders")
    private String approvalDeciders;
    /** A cache of the SLA clocks, written by SQL of its own: keeping it is no change of the ticket (no new version). */
    @Column(name = "sla_due_at", insertable = false, updatable = false)
    private Instant slaDueAt;
    /**
     * The same column as the ticket's INSERT writes it: a new ticket's row is inserted with its due time
     * (no UPDATE right after it). Set only before the row is persisted, so it never makes the ticket dirty.
     */
    @Column(name = "sla_due_at", updatable = false)
    private Instant slaDueAtInserted;
    /** When the ticket's retention anonymised it (V14); written by SQL of the retention run only. */
    @Column(name = "anonymised_at", insertable = false, updatable = false)
    private Instant anonymisedAt;
    @Column(nullable = false)
    private String impact;
    @Column(nullable = false)
    private String urgency;
    @Column(nullable = false)
    private int priority;
    @Column(nullable = false, updatable = false)
    private boolean confidential;
    @Column(name = "fields_json", nullable = false)
    private String fieldsJson;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    public long getId() { return id; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getKeyPrefix() { return keyPrefix; }
    public void setKeyPrefix(String keyPrefix) { this.keyPrefix = keyPrefix; }
    public long getKeyNumber() { return keyNumber; }
    public void setKeyNumber(long keyNumber) { this.keyNumber = keyNumber; }
    public String getTypeKey() { return typeKey; }
    public void setTypeKey(String typeKey) { this.typeKey = typeKey; }
    public int getTypeVersion() { return typeVersion; }
    public void setTypeVersion(int typeVersion) { this.typeVersion = typeVersion; }
    public String getAssignmentGroup() { return assignmentGroup; }
    public void setAssignmentGroup(String assignmentGroup) { this.assignmentGroup = assignmentGroup; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getRequester() { return requester; }
    public void setRequester(String requester) { this.requester = requester; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getStatusCategory() { return statusCategory; }
    public void setStatusCategory(String statusCategory) { this.statusCategory = statusCategory; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public void setStatusChangedAt(Instant statusChangedAt) { this.statusChangedAt = statusChangedAt; }
    public String getResolutionCode() { return resolutionCode; }
    public void setResolutionCode(String resolutionCode) { this.resolutionCode = resolutionCode; }
    public Instant getAutoCloseAt() { return autoCloseAt; }
    public void setAutoCloseAt(Instant autoCloseAt) { this.autoCloseAt = autoCloseAt; }
    public String getImpact() { return impact; }
    public void setImpact(String impact) { this.impact = impact; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public int getPriority() { return priority; }
    public void setPriority(int priority) { this.priority = priority; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean confidential) { this.confidential = confidential; }
    public String getFieldsJson() { return fieldsJson; }
    public void setFieldsJson(String fieldsJson) { this.fieldsJson = fieldsJson; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version; }

    public String getApprovalState() { return approvalState; }
    public void setApprovalState(String approvalState) { this.approvalState = approvalState; }
    public String getApprovalStage() { return approvalStage; }
    public void setApprovalStage(String approvalStage) { this.approvalStage = approvalStage; }
    public int getApprovalRound() { return approvalRound; }
    public void setApprovalRound(int approvalRound) { this.approvalRound = approvalRound; }
    public Instant getApprovalDecidedAt() { return approvalDecidedAt; }
    public void setApprovalDecidedAt(Instant approvalDecidedAt) { this.approvalDecidedAt = approvalDecidedAt; }
    /** Who decided the latest approval, comma-separated in order. */
    public String getApprovalDeciders() { return approvalDeciders; }
    public void setApprovalDeciders(String approvalDeciders) { this.approvalDeciders = approvalDeciders; }
    /** The earliest due time of the ticket's running SLA clocks; null when none runs. */
    public Instant getSlaDueAt() { return slaDueAt; }
    public Instant getAnonymisedAt() { return anonymisedAt; }
    /** Only what this entity shows within the transaction; the column is written by {@code SlaClocks}. */
    public void setSlaDueAt(Instant slaDueAt) { this.slaDueAt = slaDueAt; }
    /** The due time a new ticket's row is inserted with (before it is persisted; later changes go through SQL). */
    public void setSlaDueAtOnInsert(Instant slaDueAt) {
        this.slaDueAtInserted = slaDueAt;
        this.slaDueAt = slaDueAt;
    }
}
