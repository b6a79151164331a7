package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One audit row (V14) for what ticket history does not hold. {@code actor} and, for actions about a
 * person, {@code target} are person ids (stored as they are, not through {@link PersonColumn}: a
 * failed login of an unknown name must not create a person).
 */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {
    @Id
    @TableGenerator(name = "audit_event_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "audit_event", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_event_ids")
    private long id;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;
    @Column(updatable = false)
    private String actor;
    @Column(nullable = false, updatable = false)
    private String action;
    @Column(updatable = false)
    private String target;
    @Column(updatable = false)
    private String detail;
    @Column(updatable = false)
    private String department;
    @Column(nullable = false, updatable = false)
    private boolean confidential;
    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Instant at, String actorId, String action, String target, String detail, String department,
            boolean confidential, String clientAddress) {
        this.at = at;
        this.actor = actorId;
        this.action = action;
        this.target = target;
        this.detail = detail;
        this.department = department;
        this.confidential = confidential;
        this.clientAddress = clientAddress;
    }

    public long getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getDetail() { return detail; }
    public String getDepartment() { return department; }
    public boolean isConfidential() { return confidential; }
    public String getClientAddress() { return clientAddress; }
}
