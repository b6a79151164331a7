package org.atrium.rest.internal.auth;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.atrium.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login over HTTP: refused at once while the {@link LoginThrottle} locks the user name or the
 * address, else checked by the {@link Authenticator}. Every failure and every lock it starts is
 * written to the logger {@code org.atrium.audit} (who, from where; the log line says when), which
 * etc/org.ops4j.pax.logging.cfg routes to data/log/audit.log. Locked attempts are not logged one by
 * one, so that a flood of them cannot flood the log.
 */
public final class LoginGuard {
    static final Logger AUDIT = LoggerFactory.getLogger("org.atrium.audit");
    private static final int MAX_LOGGED_NAME = 64;

    /** What became of one attempt. */
    public sealed interface Outcome {
    }

    public record LoggedIn(Caller caller) implements Outcome {
    }

    public record Failed() implements Outcome {
    }

    public record Throttled(LoginThrottle.Lock lock) implements Outcome {
    }

    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final BiConsumer<String, String> auditTrail;

    public LoginGuard(Authenticator authenticator, LoginThrottle throttle) {
        this(authenticator, throttle, (user, address) -> { });
    }

    /** @param auditTrail also told of every failure (user tried, address): the audit trail's row, for GET /audit */
    public LoginGuard(Authenticator authenticator, LoginThrottle throttle, BiConsumer<String, String> auditTrail) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.auditTrail = auditTrail;
    }

    public Outcome login(String user, String password, String address) {
        Optional<LoginThrottle.Lock> lock = throttle.lockFor(user, address);
        if (lock.isPresent()) {
            return new Throttled(lock.get());
        }
        Optional<Caller> caller = authenticator.authenticate(user, password);
        if (caller.isPresent()) {
            throttle.succeeded(user);
            return new LoggedIn(caller.get());
        }
        LoginThrottle.Failures failures = throttle.failed(user, address);
        AUDIT.warn("login failed: user={} address={} failuresOfUser={} failuresFromAddress={}", printable(user), address,
                failures.user(), failures.address());
        auditTrail.accept(user, address);
        throttle.lockFor(user, address).ifPresent(started -> AUDIT.warn(
                "login locked: user={} address={} lockedBy={} forSeconds={}", printable(user), address,
                started.kind(), started.retryAfterSeconds()));
        return new Failed();
    }

    /** A user name as typed by anyone: no line breaks or control characters in the log, and not too long. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_LOGGED_NAME).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > MAX_LOGGED_NAME ? out + "..." : out.toString();
    }
}
