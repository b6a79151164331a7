package org.atrium.core.internal.webhook;

import java.time.Clock;
import java.time.Duration;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.worker.PollingWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook sending on this node: the thread that sends due delivery rows (WebhookDispatcher). The rows
 * are written by WebhookFeed while the outbox delivers the ticket, approval and SLA events; each
 * outbox entry is delivered on one node at a time, and each row is sent by one node at a time.
 */
@Component(immediate = true, service = WebhookDelivery.class, configurationPid = "org.atrium.webhooks",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebhookDelivery.Config.class)
public class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    @ObjectClassDefinition(name = "Atrium webhooks")
    public @interface Config {
        @AttributeDefinition(description = "Consecutive failed attempts after which a subscription is disabled")
        int disableAfterFailures() default 10;

        @AttributeDefinition(description = "Attempts of one delivery before it is given up")
        int maxAttempts() default 8;

        @AttributeDefinition(description = "Seconds before the first retry; each further retry waits twice as long, at most an hour")
        int retryBaseSeconds() default 10;

        @AttributeDefinition(description = "Milliseconds between two looks for due deliveries written by other nodes or due for a retry")
        long pollMillis() default 1000;
    }

    private final WebhookFeed feed;
    private final PollingWorker worker;

    @Activate
    public WebhookDelivery(@Reference Database db, @Reference WebhookFeed feed, Config config) {
        Clock clock = Clock.systemUTC();
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(Math.max(1, config.retryBaseSeconds())), config.maxAttempts(),
                config.disableAfterFailures());
        WebhookDispatcher dispatcher = new WebhookDispatcher(db, new WebhookSender(clock), settings, clock);
        this.worker = PollingWorker.start("atrium-webhooks", dispatcher::sendDue, Duration.ofMillis(Math.max(100, config.pollMillis())));
        this.feed = feed;
        feed.whenWritten(worker::nudge);
        LOG.info("Webhook delivery started: retries from {} s, {} attempts, disabled after {} consecutive failures",
                settings.retryBase().toSeconds(), settings.maxAttempts(), settings.disableAfterFailures());
    }

    @Deactivate
    void stop() {
        feed.whenWritten(null);
        worker.stop();
    }
}
