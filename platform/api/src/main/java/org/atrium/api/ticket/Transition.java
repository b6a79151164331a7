package org.atrium.api.ticket;

/** A status the ticket can move to from where it is, for this caller. */
public record Transition(String to, String name) {
}
