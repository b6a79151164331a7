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
}
