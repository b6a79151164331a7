package org.atrium.rest.internal.session;

import java.time.Duration;

import org.atrium.api.session.SessionLimits;
import org.atrium.rest.internal.RestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session limits of org.atrium.rest.cfg. The idle time may be a fraction of a minute (tests use a
 * few seconds), at least one second; the maximum is whole hours, at least one. A value out of range is
 * logged and replaced by the smallest allowed: a typo must not stop the API.
 */
public final class SessionSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);

    private SessionSettings() {
    }

    public static SessionLimits limits(RestConfig config) {
        double idleMinutes = config.sessionIdleMinutes();
        long idleMillis = Double.isFinite(idleMinutes) ? Math.round(idleMinutes * 60_000) : 0;
        if (idleMillis < 1000) {
            LOG.warn("sessionIdleMinutes = {} in etc/org.atrium.rest.cfg is below one second; using one second", idleMinutes);
            idleMillis = 1000;
        }
        int maxHours = config.sessionMaxHours();
        if (maxHours < 1) {
            LOG.warn("sessionMaxHours = {} in etc/org.atrium.rest.cfg is not a positive number; using 1", maxHours);
            maxHours = 1;
        }
        return new SessionLimits(Duration.ofMillis(idleMillis), Duration.ofHours(maxHours));
    }
}
