package org.atrium.api.ticket;

import java.util.List;

/** One page of tickets; {@code nextCursor} is null on the last page. */
public record TicketPage(List<Ticket> items, String nextCursor) {
}
