package org.atrium.core.internal.webhook;

import java.time.Clock;
import java.util.Map;

import org.atrium.core.internal.outbox.OutboxReceiver;
import org.atrium.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Feeds webhooks from the outbox: while the outbox delivers an event, and before it removes the
 * entry, the event's delivery rows are written and committed (WebhookIntake). A crash before that
 * commit leaves the entry in the outbox, so the event is delivered after the restart; a crash after
 * it delivers the entry again, and the rows already written keep it from writing a second set.
 * A component of its own, without configuration: reconfiguring the sender (WebhookDelivery) must not
 * restart the ticket engine that chains this feed.
 */
@Component(service = WebhookFeed.class)
public final class WebhookFeed {
    private final Database db;
    private final WebhookIntake intake;
    /** The sending worker's nudge, so that new rows go out at once rather than at its next poll. */
    private volatile Runnable written = () -> { };

    @Activate
    public WebhookFeed(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    public WebhookFeed(Database db, Clock clock) {
        this.db = db;
        this.intake = new WebhookIntake(clock);
    }

    /** @param action run after deliveries were committed; null: none */
    void whenWritten(Runnable action) {
        this.written = action == null ? () -> { } : action;
    }

    /** An outbox receiver that records the event's webhook deliveries and then hands the event on. */
    public OutboxReceiver before(OutboxReceiver next) {
        return new OutboxReceiver() {
            @Override
            public void deliver(String name, Map<String, Object> payload) {
                throw new IllegalStateException("webhooks need the outbox entry's id to write each delivery once");
            }

            @Override
            public void deliver(long entryId, String name, Map<String, Object> payload) {
                handle(entryId, name, payload);
                next.deliver(entryId, name, payload);
            }
        };
    }

    /** Writes the deliveries of one outbox entry, in a transaction of their own; returns how many are new. */
    public int handle(long entryId, String topic, Map<String, Object> event) {
        if (WebhookEvents.typeOf(topic) == null) {
            return 0;
        }
        int count = db.inTransaction(em -> intake.accept(em, entryId, topic, event));
        if (count > 0) {
            written.run();
        }
        return count;
    }
}
