package org.atrium.core.internal.ticket;

import java.time.Clock;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.ticket.TicketService;
import org.atrium.core.internal.persistence.Database;

/** The ticket engine for tests of other packages (its constructors are the package's own). */
public final class TestTickets {
    private TestTickets() {
    }

    public static TicketService service(Database db, RequestTypeRegistry types, Clock clock) {
        return new TicketServiceImpl(db, types, clock);
    }

    /** The same, with the outbox's events feeding webhooks as in the container. */
    public static TicketService withWebhooks(Database db, RequestTypeRegistry types, Clock clock,
            org.atrium.core.internal.webhook.WebhookFeed webhooks) {
        return new TicketServiceImpl(db, types, new org.atrium.core.internal.extension.Extensions(), clock, null,
                new org.atrium.core.internal.directory.DirectoryService(new org.atrium.core.internal.directory.DatabaseDirectoryProvider(db)),
                new org.atrium.core.internal.group.AssignmentGroupsService(), org.atrium.core.internal.sla.SlaPolicies.AS_DECLARED,
                new org.atrium.core.internal.calendar.BusinessCalendarsService(), false, null, webhooks);
    }
}
