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

/**
 * The metadata of a ticket's attachment. The bytes are the row's {@code content} column, which JPA
 * never maps: they are written and read as streams on the unit of work's connection (AttachmentContent),
 * so that a list of attachments never loads them and an upload is never held in memory.
 */
@Entity
@Table(name = "ticket_attachment")
public class AttachmentEntity {
    @Id
    @TableGenerator(name = "attachment_ids", table = "atrium_id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "ticket_attachment", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "attachment_ids")
    private long id;
    /** Null while the upload waits for its ticket (POST /attachments): held for its uploader only. */
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "original_name", nullable = false)
    private String originalName;
    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Convert(converter = PersonColumn.class)
    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected AttachmentEntity() {
    }

    public AttachmentEntity(Long ticketId, String fileName, String originalName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
        this.ticketId = ticketId;
        this.fileName = fileName;
        this.originalName = originalName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public long getId() { return id; }
    public Long getTicketId() { return ticketId; }
    /** Attaches a pending upload to its ticket (in the ticket's transaction). */
    public void attachTo(long ticket) { this.ticketId = ticket; }
    public String getFileName() { return fileName; }
    public String getOriginalName() { return originalName; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getErasedAt() { return erasedAt; }
}
