package org.atrium.api.ticket;

/**
 * A linked ticket moved along with a transition, in the same transaction (e.g. the incidents a
 * problem caused, resolved with it). Its own workflow, parties and guards apply.
 *
 * @param key            the linked ticket
 * @param to             the state it moves to
 * @param resolutionCode one of its type's codes, when the step resolves it
 */
public record LinkedMove(String key, String to, String resolutionCode) {
}
