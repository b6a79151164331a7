package org.atrium.core.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.atrium.api.security.Caller;
import org.atrium.api.session.Session;
import org.atrium.api.session.SessionLimits;
import org.atrium.api.session.StartedSession;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions on the real persistence unit and Derby: hashed tokens, expiry, the once-a-minute touch, revocation, a second node. */
class DatabaseSessionStoreTest {
    private static final SessionLimits LIMITS = SessionLimits.of(30, 10);
    private static final Caller ANNA = new Caller("anna", Set.of("employee", "approver"));
    private static TestDatabases databases;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private DatabaseSessionStore store;

    @BeforeAll
    static void open() throws Exception {
        databases = TestDatabases.open("sessions");
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        store = new DatabaseSessionStore(databases.database(), clock);
    }

    @Test
    void aStartedSessionIsFoundByItsTokenWithTheCallerAndItsRoles() {
        StartedSession started = store.start(ANNA, LIMITS);
        assertEquals(43, started.token().length());
        Session found = store.find(started.token(), LIMITS).orElseThrow();
        assertEquals(ANNA, found.caller());
        assertEquals(started.session().csrfToken(), found.csrfToken());
        assertNotEquals(started.token(), found.csrfToken());
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"), found.expiresAt());
    }

    @Test
    void theTableHoldsTheTokensHashNeverTheToken() throws Exception {
        StartedSession started = store.start(ANNA, LIMITS);
        try (var connection = databases.dataSource().getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT token_hash, person_id FROM portal_session")) {
            assertTrue(rows.next());
            assertEquals(SessionTokens.hash(started.token()), rows.getString(1));
            assertEquals(64, rows.getString(1).length());
            assertFalse(rows.getString(1).contains(started.token()));
            assertTrue(rows.getString(2).startsWith("p-"), "a person id, not the login");
        }
    }

    @Test
    void unknownAndMalformedTokensFindNothing() {
        store.start(ANNA, LIMITS);
        assertTrue(store.find(SessionTokens.newToken(), LIMITS).isEmpty());
        assertTrue(store.find("not a token", LIMITS).isEmpty());
        assertTrue(store.find(null, LIMITS).isEmpty());
    }

    @Test
    void idleSessionsExpireAndUseKeepsThemAlive() {
        String token = store.start(ANNA, LIMITS).token();
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Instant.parse("2026-03-02T08:59:00Z"), store.find(token, LIMITS).orElseThrow().expiresAt());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.find(token, LIMITS).isPresent(), "used 29 minutes ago");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(store.find(token, LIMITS).isEmpty(), "30 idle minutes");
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        String token = store.start(ANNA, LIMITS).token();
        clock.advance(Duration.ofSeconds(59));
        store.find(token, LIMITS);
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), lastSeen());
        clock.advance(Duration.ofSeconds(1));
        store.find(token, LIMITS);
        assertEquals(Instant.parse("2026-03-02T08:01:00Z"), lastSeen());
    }

    @Test
    void aShortIdleTimeIsTouchedOftenEnoughToStayAliveInUse() {
        SessionLimits short10s = new SessionLimits(Duration.ofSeconds(10), Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(5), DatabaseSessionStore.touchEvery(short10s));
        assertEquals(Duration.ofMinutes(1), DatabaseSessionStore.touchEvery(LIMITS));
        String token = store.start(ANNA, short10s).token();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(6));
            assertTrue(store.find(token, short10s).isPresent(), "used every 6 s");
        }
        clock.advance(Duration.ofSeconds(10));
        assertTrue(store.find(token, short10s).isEmpty());
    }

    @Test
    void noSessionOutlivesTheMaximumHoweverOftenItIsUsed() {
        String token = store.start(ANNA, LIMITS).token();
        for (int i = 0; i < 39; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertTrue(store.find(token, LIMITS).isPresent(), "after " + (i + 1) * 15 + " minutes");
        }
        Session last = store.find(token, LIMITS).orElseThrow();
        assertEquals(Instant.parse("2026-03-02T18:00:00Z"), last.expiresAt(), "capped at sign-in plus 10 hours");
        clock.advance(Duration.ofMinutes(15));
        assertTrue(store.find(token, LIMITS).isEmpty());
    }

    @Test
    void aShorterConfiguredIdleTimeAppliesToExistingSessions() {
        String token = store.start(ANNA, LIMITS).token();
        clock.advance(Duration.ofMinutes(2));
        assertTrue(store.find(token, SessionLimits.of(1, 10)).isEmpty());
    }

    @Test
    void aRevokedSessionIsGoneForEveryNode() {
        String token = store.start(ANNA, LIMITS).token();
        DatabaseSessionStore otherNode = new DatabaseSessionStore(databases.secondNode(), clock);
        assertTrue(otherNode.find(token, LIMITS).isPresent(), "a session one node created is accepted by another");
        assertTrue(otherNode.revoke(token));
        assertTrue(store.find(token, LIMITS).isEmpty());
        assertFalse(store.revoke(token));
    }

    @Test
    void theSweepDeletesExpiredSessionsOnly() {
        store.start(ANNA, LIMITS);
        clock.advance(Duration.ofMinutes(31));
        String live = store.start(Caller.of("marc", "employee"), LIMITS).token(); // this sign-in sweeps anna's
        assertEquals(1, databases.count("portal_session"));
        assertTrue(store.find(live, LIMITS).isPresent());
        assertEquals(0, store.sweep(LIMITS));
    }

    private Instant lastSeen() throws Exception {
        try (var connection = databases.dataSource().getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT last_seen_at FROM portal_session")) {
            rows.next();
            Timestamp at = rows.getTimestamp(1);
            return at.toInstant();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
