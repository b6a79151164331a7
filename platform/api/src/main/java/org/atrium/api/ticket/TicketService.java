package org.atrium.api.ticket;

import java.util.List;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ticket core. Every method checks what the caller may see and do, so callers (REST, shell,
 * department bundles) never decide access themselves.
 */
@ProviderType
public interface TicketService {

    Ticket create(Caller caller, NewTicket ticket);

    Ticket get(Caller caller, String key);

    TicketPage list(Caller caller, TicketQuery query);

    Ticket update(Caller caller, String key, TicketUpdate update);

    List<Transition> transitions(Caller caller, String key);

    /** Moves the ticket along its workflow, checking who may and the transition's guards. */
    Ticket transition(Caller caller, String key, TransitionRequest request);

    /** Moves the ticket to {@code to}; {@code expectedVersion} may be null to skip the staleness check. */
    default Ticket transition(Caller caller, String key, String to, Long expectedVersion) {
        return transition(caller, key, new TransitionRequest(to, expectedVersion, null));
    }

    Comment comment(Caller caller, String key, NewComment comment);

    List<Comment> comments(Caller caller, String key);

    List<HistoryEntry> history(Caller caller, String key);

    /** The ticket's links to tickets the caller may see. */
    List<Link> links(Caller caller, String key);

    /** Links the ticket to another; recorded in both tickets' history. */
    Link link(Caller caller, String key, NewLink link);

    /** Removes the link of {@code type} (from this ticket's side) to {@code otherKey}; recorded in both histories. */
    void unlink(Caller caller, String key, String type, String otherKey);
}
