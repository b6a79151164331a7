package org.atrium.core.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.atrium.api.security.Caller;
import org.atrium.api.session.Session;
import org.atrium.api.session.SessionLimits;
import org.atrium.api.session.SessionStore;
import org.atrium.api.session.StartedSession;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.SessionEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in the table {@code portal_session} (V15), shared by every node. Reading a session is one
 * lookup by primary key; its last use is written only when the stored one is a minute old or more,
 * so a busy portal does not write a row per request (the idle expiry is therefore up to a minute
 * early, never late; with an idle time under two minutes, every half idle time). Expired rows are deleted at sign-in, at most once a minute per node.
 */
@Component(service = SessionStore.class)
public class DatabaseSessionStore implements SessionStore {
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionStore.class);
    private final Database db;
    private final Clock clock;
    private final AtomicLong nextSweepMillis = new AtomicLong();

    @Activate
    public DatabaseSessionStore(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    DatabaseSessionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public StartedSession start(Caller caller, SessionLimits limits) {
        sweepNowAndThen(limits);
        String token = SessionTokens.newToken();
        Instant now = now();
        db.inTransaction(em -> {
            em.persist(new SessionEntity(SessionTokens.hash(token), caller.user(), caller.roles(), now));
            return null;
        });
        return new StartedSession(token, new Session(caller, SessionTokens.csrfToken(token), now, limits.expiresAt(now, now)));
    }

    @Override
    public Optional<Session> find(String token, SessionLimits limits) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        Optional<SessionEntity> stored = db.read(em -> Optional.ofNullable(em.find(SessionEntity.class, hash))
                );
        Instant now = now();
        if (stored.isEmpty() || limits.expired(stored.get().getCreatedAt(), stored.get().getLastSeenAt(), now)) {
            return Optional.empty();
        }
        SessionEntity row = stored.get();
        Instant lastSeen = row.getLastSeenAt();
        if (!now.isBefore(lastSeen.plus(touchEvery(limits)))) {
            touch(hash, lastSeen, now);
            lastSeen = now;
        }
        Caller caller = new Caller(row.getLogin(), row.getRoles());
        return Optional.of(new Session(caller, SessionTokens.csrfToken(token), row.getCreatedAt(), limits.expiresAt(row.getCreatedAt(), lastSeen)));
    }

    /** Once a minute, or more often when the idle time is short, so that a session in use does not expire. */
    static Duration touchEvery(SessionLimits limits) {
        Duration half = limits.idle().dividedBy(2);
        return half.compareTo(TOUCH_EVERY) < 0 ? half : TOUCH_EVERY;
    }

    /** Milliseconds: what every database keeps exactly, so that the times a client is told are the stored ones. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Moves the last use on; a concurrent request that already did (or a logout) makes this a no-op. */
    private void touch(String hash, Instant lastSeen, Instant now) {
        db.inTransaction(em -> em.createQuery(
                "UPDATE SessionEntity s SET s.lastSeenAt = :now WHERE s.tokenHash = :hash AND s.lastSeenAt = :seen")
                .setParameter("now", now).setParameter("hash", hash).setParameter("seen", lastSeen).executeUpdate());
    }

    @Override
    public boolean revoke(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return false;
        }
        String hash = SessionTokens.hash(token);
        return db.inTransaction(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.tokenHash = :hash")
                .setParameter("hash", hash).executeUpdate()) > 0;
    }

    @Override
    public int sweep(SessionLimits limits) {
        Instant now = now();
        int deleted = db.inTransaction(em -> em.createQuery(
                "DELETE FROM SessionEntity s WHERE s.lastSeenAt <= :idleCut OR s.createdAt <= :maxCut")
                .setParameter("idleCut", now.minus(limits.idle())).setParameter("maxCut", now.minus(limits.max())).executeUpdate());
        if (deleted > 0) {
            LOG.debug("Deleted {} expired sessions", deleted);
        }
        return deleted;
    }

    /** At most once a minute per node: sign-ins are rare, but a flood of them should not each scan for old rows. */
    private void sweepNowAndThen(SessionLimits limits) {
        long now = clock.millis();
        long next = nextSweepMillis.get();
        if (now >= next && nextSweepMillis.compareAndSet(next, now + TOUCH_EVERY.toMillis())) {
            try {
                sweep(limits);
            } catch (RuntimeException e) {
                LOG.warn("Could not delete expired sessions; trying again at a later sign-in", e);
            }
        }
    }
}
