package org.atrium.api.spi;

import java.util.List;

import org.atrium.api.ticket.Ticket;

/**
 * Finds the approvers of an approval stage (the requester's manager, a group, the CAB). For the
 * approval engine; register as a service with property {@link Extension#NAME}.
 */
public interface ApproverResolver {
    List<String> approvers(Ticket ticket);
}
