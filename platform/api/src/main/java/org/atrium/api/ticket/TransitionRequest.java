package org.atrium.api.ticket;

/**
 * Moves a ticket (POST /tickets/{key}/transitions).
 *
 * @param to             the state to enter
 * @param version        the version last read, or null to skip the staleness check
 * @param resolutionCode one of the type's resolution codes, when the step resolves the ticket
 */
public record TransitionRequest(String to, Long version, String resolutionCode) {
}
