package org.atrium.api.audit;

import java.util.List;

/** A page of the audit trail, newest first; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> entries, String nextCursor) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
