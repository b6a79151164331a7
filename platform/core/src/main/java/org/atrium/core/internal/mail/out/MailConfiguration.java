package org.atrium.core.internal.mail.out;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds {@code etc/org.atrium.mail.cfg}; a change applies to the next mail, without a restart. A bad
 * value is refused with a log line naming the key, and the last good settings stay (disabled at first).
 */
@Component(service = MailConfiguration.class, configurationPid = MailSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class MailConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);
    private volatile MailSettings settings = MailSettings.DISABLED;

    @Activate
    public MailConfiguration(Map<String, Object> properties) {
        apply(properties);
    }

    /** For tests. */
    public MailConfiguration(MailSettings settings) {
        this.settings = settings;
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    private void apply(Map<String, Object> properties) {
        try {
            settings = MailSettings.of(properties);
            LOG.info("Mail notifications: {}", settings);
        } catch (IllegalArgumentException e) {
            LOG.error("Refused {} configuration: {}; keeping {}", MailSettings.PID, e.getMessage(), settings);
        }
    }

    public MailSettings settings() {
        return settings;
    }
}
