package org.atrium.core.internal.audit;

import java.time.Clock;

import org.atrium.api.audit.AuditTrail;
import org.atrium.core.internal.persistence.Database;

/** The audit trail with a test's clock, for tests of other packages. */
public final class TestAudit {
    private TestAudit() {
    }

    public static AuditTrail trail(Database db, Clock clock) {
        return new AuditTrailService(db, clock);
    }
}
