package org.atrium.rest.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Per user name and per client address it counts failed logins in a
 * row; once a key has had its free failures, every further failure locks it for a time that doubles
 * (1 s, 2 s, 4 s, ...) up to a maximum. While locked, attempts are refused without checking the
 * password (so guessing costs time, and the server no hashing work). A successful login clears the
 * user's count, not the address's: an attacker with one valid account cannot reset the address count
 * between guesses. A key's count is forgotten after {@link #FORGET_AFTER} without failures.
 * In memory, per node: with several nodes an attacker gets each node's allowance (docs/operations.md).
 */
public final class LoginThrottle {
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Bounds the memory a flood of distinct user names or addresses can take. */
    static final int MAX_KEYS = 100_000;

    /** Why an attempt is refused ({@code kind} "user" or "address", and which), and for how long. */
    public record Lock(String kind, String name, int failures, Duration remaining) {
        public long retryAfterSeconds() {
            return Math.max(1, (remaining.toMillis() + 999) / 1000);
        }
    }

    /** How many failures in a row the user name and the address now have. */
    public record Failures(int user, int address) {
    }

    private static final class Counter {
        int failures;
        long lastFailureMillis;
        long lockedUntilMillis;
    }

    private final int freeFailuresPerUser;
    private final int freeFailuresPerAddress;
    private final Duration maxLock;
    private final Clock clock;
    private final Map<String, Counter> users = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    /** A free count of 0 switches that kind of throttling off. */
    public LoginThrottle(int freeFailuresPerUser, int freeFailuresPerAddress, Duration maxLock, Clock clock) {
        this.freeFailuresPerUser = freeFailuresPerUser;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
        this.maxLock = maxLock;
        this.clock = clock;
    }

    /** The lock that refuses this attempt, if any: the user's first, else the address's. */
    public Optional<Lock> lockFor(String user, String address) {
        long now = clock.millis();
        Optional<Lock> byUser = lock("user", user, users.get(user), now);
        return byUser.isPresent() ? byUser : lock("address", address, addresses.get(address), now);
    }

    public Failures failed(String user, String address) {
        long now = clock.millis();
        int byUser = freeFailuresPerUser > 0 ? count(users, user, freeFailuresPerUser, now) : 0;
        int byAddress = freeFailuresPerAddress > 0 ? count(addresses, address, freeFailuresPerAddress, now) : 0;
        return new Failures(byUser, byAddress);
    }

    public void succeeded(String user) {
        users.remove(user);
    }

    private static Optional<Lock> lock(String kind, String name, Counter counter, long now) {
        if (counter == null) {
            return Optional.empty();
        }
        synchronized (counter) {
            long remaining = counter.lockedUntilMillis - now;
            return remaining > 0 ? Optional.of(new Lock(kind, name, counter.failures, Duration.ofMillis(remaining))) : Optional.empty();
        }
    }

    private int count(Map<String, Counter> counters, String key, int free, long now) {
        if (counters.size() >= MAX_KEYS && !counters.containsKey(key)) {
            forgetOld(counters, now);
        }
        Counter counter = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (counter) {
            if (now - counter.lastFailureMillis > FORGET_AFTER.toMillis()) {
                counter.failures = 0;
            }
            counter.failures++;
            counter.lastFailureMillis = now;
            int beyond = counter.failures - free;
            if (beyond > 0) {
                long lockMillis = Math.min(maxLock.toMillis(), 1000L << Math.min(beyond - 1, 30));
                counter.lockedUntilMillis = now + lockMillis;
            }
            return counter.failures;
        }
    }

    private static void forgetOld(Map<String, Counter> counters, long now) {
        counters.values().removeIf(counter -> {
            synchronized (counter) {
                return now - counter.lastFailureMillis > FORGET_AFTER.toMillis() && counter.lockedUntilMillis <= now;
            }
        });
        if (counters.size() >= MAX_KEYS) {
            // a flood of distinct keys within the window: start over rather than grow without bound
            counters.clear();
        }
    }
}
