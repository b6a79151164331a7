package org.atrium.core.internal.audit;

import java.time.Clock;

import org.atrium.api.audit.AuditTrail;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits reads of confidential tickets (the ticket, its comments, its history), each in a
 * transaction of its own after the read. A row that cannot be written is logged, never a failed read.
 */
public final class ConfidentialReads {
    private static final Logger LOG = LoggerFactory.getLogger(ConfidentialReads.class);
    private final Database db;
    private final Clock clock;

    public ConfidentialReads(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void read(Caller caller, boolean confidential, String ticketKey, String department) {
        if (!confidential) {
            return;
        }
        try {
            db.inTransaction(em -> {
                AuditRows.record(em, clock.instant(), caller.user(), AuditTrail.CONFIDENTIAL_READ, null, ticketKey, department, true);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not audit the read of {} by {}", ticketKey, caller.user(), e);
        }
    }
}
