package org.atrium.rest.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.atrium.api.security.Caller;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofSeconds(300), clock);

    @Test
    void fiveFreeFailuresThenLocksThatDoubleUpToTheMaximum() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, throttle.failed("anna", "10.0.0.1").user());
            assertTrue(throttle.lockFor("anna", "10.0.0.1").isEmpty(), "free failure " + i);
        }
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long seconds : expected) {
            throttle.failed("anna", "10.0.0.1");
            LoginThrottle.Lock lock = throttle.lockFor("anna", "10.0.0.1").orElseThrow();
            assertEquals("user", lock.kind());
            assertEquals(seconds, lock.retryAfterSeconds());
            clock.advance(Duration.ofSeconds(seconds));
            assertTrue(throttle.lockFor("anna", "10.0.0.1").isEmpty(), "lock over after " + seconds + " s");
        }
    }

    @Test
    void anotherUserFromAnotherAddressIsNotLocked() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("anna", "10.0.0.1");
        }
        assertTrue(throttle.lockFor("anna", "10.0.0.9").isPresent(), "the user is locked from anywhere");
        assertTrue(throttle.lockFor("marc", "10.0.0.2").isEmpty());
    }

    @Test
    void oneAddressTryingManyUserNamesIsLockedAfterItsOwnAllowance() {
        for (int i = 1; i <= 20; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertTrue(throttle.lockFor("someone-else", "10.0.0.1").isEmpty(), "20 failures are free for an address");
        throttle.failed("user21", "10.0.0.1");
        LoginThrottle.Lock lock = throttle.lockFor("someone-else", "10.0.0.1").orElseThrow();
        assertEquals("address", lock.kind());
        assertEquals(1, lock.retryAfterSeconds());
        assertTrue(throttle.lockFor("someone-else", "10.0.0.2").isEmpty());
    }

    @Test
    void successClearsTheUserButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anna", "10.0.0.1");
        }
        throttle.succeeded("anna");
        assertEquals(1, throttle.failed("anna", "10.0.0.1").user());
        assertEquals(6, throttle.failed("marc", "10.0.0.1").address(), "4 + 1 of anna, then marc");
    }

    @Test
    void countsAreForgottenAfterAQuarterHourWithoutFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("anna", "10.0.0.1");
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertEquals(1, throttle.failed("anna", "10.0.0.1").user());
        assertTrue(throttle.lockFor("anna", "10.0.0.1").isEmpty());
    }

    @Test
    void zeroSwitchesAKindOff() {
        LoginThrottle byAddressOnly = new LoginThrottle(0, 2, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 10; i++) {
            byAddressOnly.failed("anna", "10.0.0.1");
        }
        assertTrue(byAddressOnly.lockFor("anna", "10.0.0.2").isEmpty(), "no lock by user name");
        assertEquals("address", byAddressOnly.lockFor("anna", "10.0.0.1").orElseThrow().kind());
    }

    @Test
    void theGuardDoesNotAskTheAuthenticatorWhileLocked() {
        AtomicInteger asked = new AtomicInteger();
        Authenticator authenticator = (user, password) -> {
            asked.incrementAndGet();
            return password.equals("right") ? Optional.of(Caller.of(user, "employee")) : Optional.empty();
        };
        LoginGuard guard = new LoginGuard(authenticator, throttle);
        for (int i = 0; i < 6; i++) {
            assertInstanceOf(LoginGuard.Failed.class, guard.login("anna", "wrong", "10.0.0.1"));
        }
        assertInstanceOf(LoginGuard.Throttled.class, guard.login("anna", "right", "10.0.0.1"));
        assertEquals(6, asked.get(), "a locked attempt is refused before the password is checked");
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(LoginGuard.LoggedIn.class, guard.login("anna", "right", "10.0.0.1"));
    }

    @Test
    void userNamesAreLoggedWithoutLineBreaksAndShortened() {
        assertEquals("anna?INFO fake", LoginGuard.printable("anna\nINFO fake"));
        assertEquals("x".repeat(64) + "...", LoginGuard.printable("x".repeat(500)));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

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
