package org.atrium.core.internal.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.worker.PollingWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook delivery on this node: handles the ticket, approval and SLA events the outbox posts by
 * writing delivery rows (WebhookIntake), and runs the thread that sends due rows (WebhookDispatcher).
 * Every node runs both; each event is posted on one node, and each row is sent by one node at a time.
 */
@Component(immediate = true, service = EventHandler.class, configurationPid = "org.atrium.webhooks",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {EventConstants.EVENT_TOPIC + "=atrium/ticket/*", EventConstants.EVENT_TOPIC + "=atrium/approval/*",
                EventConstants.EVENT_TOPIC + "=atrium/sla/*"})
@Designate(ocd = WebhookDelivery.Config.class)
public class WebhookDelivery implements EventHandler {
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

    private final Database db;
    private final WebhookIntake intake;
    private final PollingWorker worker;

    @Activate
    public WebhookDelivery(@Reference Database db, Config config) {
        this.db = db;
        Clock clock = Clock.systemUTC();
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(Math.max(1, config.retryBaseSeconds())), config.maxAttempts(),
                config.disableAfterFailures());
        this.intake = new WebhookIntake(clock);
        WebhookDispatcher dispatcher = new WebhookDispatcher(db, new WebhookSender(clock), settings, clock);
        this.worker = PollingWorker.start("atrium-webhooks", dispatcher::sendDue, Duration.ofMillis(Math.max(100, config.pollMillis())));
        LOG.info("Webhook delivery started: retries from {} s, {} attempts, disabled after {} consecutive failures",
                settings.retryBase().toSeconds(), settings.maxAttempts(), settings.disableAfterFailures());
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        try {
            if (db.inTransaction(em -> intake.accept(em, event.getTopic(), properties)) > 0) {
                worker.nudge();
            }
        } catch (RuntimeException e) {
            LOG.error("Webhooks: could not record deliveries of {} for {}: {}", event.getTopic(), properties.get("key"), e.toString(), e);
        }
    }

    @Deactivate
    void stop() {
        worker.stop();
    }
}
