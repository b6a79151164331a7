package org.atrium.core.internal.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.audit.AuditPage;
import org.atrium.api.audit.AuditQuery;
import org.atrium.api.audit.AuditTrail;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.AuditEventEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.PersonIds;
import org.atrium.api.audit.RequestOrigin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail: writes the events ticket history does not hold, each in a transaction of its own, and reads both. */
@Component(service = AuditTrail.class)
public class AuditTrailService implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailService.class);
    private static final int MAX_ACTION = 40;
    private final Database db;
    private final Clock clock;
    private final AuditLog log;

    @Activate
    public AuditTrailService(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    AuditTrailService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.log = new AuditLog(db);
    }

    @Override
    public void loginFailed(String user, String address) {
        write(() -> db.inTransaction(em -> {
            // a known login by its id; a name nobody has is not kept (it may be a mistyped password)
            String actor = user == null ? null : PersonIds.current().existingIdOf(user);
            em.persist(new AuditEventEntity(clock.instant(), actor, LOGIN_FAILED, null, null, null, false,
                    address != null ? address : RequestOrigin.address()));
            return null;
        }));
    }

    @Override
    public void confidentialRead(String user, String ticketKey, String department) {
        write(() -> db.inTransaction(em -> {
            AuditRows.record(em, clock.instant(), user, CONFIDENTIAL_READ, null, ticketKey, department, true);
            return null;
        }));
    }

    @Override
    public AuditPage find(Caller caller, AuditQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query.limit() < 1 || query.limit() > AuditQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + AuditQuery.MAX_LIMIT));
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (query.action() != null && (query.action().isBlank() || query.action().length() > MAX_ACTION)) {
            errors.add(new FieldError("action", "must be 1 to " + MAX_ACTION + " characters"));
        }
        if (query.actor() != null && (query.actor().isBlank() || query.actor().length() > 100)) {
            errors.add(new FieldError("actor", "must be a login of 1 to 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AuditQuery bounded = query.to() != null ? query
                : new AuditQuery(query.from(), clock.instant().plusSeconds(1), query.actor(), query.action(), query.limit(), query.cursor());
        return log.find(caller, bounded);
    }

    /** An audit row that cannot be written is logged; it never fails the request it describes. */
    private static void write(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Could not write an audit row", e);
        }
    }
}
