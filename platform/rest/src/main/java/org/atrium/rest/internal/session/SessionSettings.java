package org.atrium.rest.internal.session;

import org.atrium.api.session.SessionLimits;
import org.atrium.rest.internal.RestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session limits of org.atrium.rest.cfg; a value below 1 is logged and taken as 1 (it must not stop the API). */
public final class SessionSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);

    private SessionSettings() {
    }

    public static SessionLimits limits(RestConfig config) {
        return SessionLimits.of(atLeastOne("sessionIdleMinutes", config.sessionIdleMinutes()),
                atLeastOne("sessionMaxHours", config.sessionMaxHours()));
    }

    private static int atLeastOne(String key, int value) {
        if (value < 1) {
            LOG.warn("{} = {} in etc/org.atrium.rest.cfg is not a positive number; using 1", key, value);
            return 1;
        }
        return value;
    }
}
