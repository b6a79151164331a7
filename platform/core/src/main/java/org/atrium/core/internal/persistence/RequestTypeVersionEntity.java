package org.atrium.core.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A request type as one schema version declared it, kept for the tickets that pin that version. */
@Entity
@Table(name = "request_type_version")
public class RequestTypeVersionEntity {
    @Id
    private String id;
    @Column(name = "type_key", nullable = false, updatable = false)
    private String typeKey;
    @Column(name = "schema_version", nullable = false, updatable = false)
    private int schemaVersion;
    @Lob
    @Column(nullable = false, updatable = false)
    private String descriptor;
    @Column(name = "stored_at", nullable = false, updatable = false)
    private Instant storedAt;
    /** SHA-256 of the descriptor as written (canonical JSON); null for versions stored before hashes. */
    @Column(name = "content_hash")
    private String contentHash;

    protected RequestTypeVersionEntity() {
    }

    public RequestTypeVersionEntity(String typeKey, int schemaVersion, String descriptor, Instant storedAt) {
        this.id = id(typeKey, schemaVersion);
        this.typeKey = typeKey;
        this.schemaVersion = schemaVersion;
        this.descriptor = descriptor;
        this.storedAt = storedAt;
    }

    public static String id(String typeKey, int schemaVersion) {
        return typeKey + "@" + schemaVersion;
    }

    public String getDescriptor() { return descriptor; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String contentHash) { this.contentHash = contentHash; }
}
