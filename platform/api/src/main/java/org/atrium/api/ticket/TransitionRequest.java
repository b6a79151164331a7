package org.atrium.api.ticket;

/**
 * Moves a ticket (POST /tickets/{key}/transitions).
 *
 * @param to             the state to enter
 * @param version        the version last read, or null to skip the staleness check
 * @param resolutionCode one of the type's resolution codes, when the step resolves the ticket
 * @param linked         linked tickets to move along in the same transaction (e.g. the incidents a
 *                       problem caused, resolved with it); empty for none
 */
public record TransitionRequest(String to, Long version, String resolutionCode, java.util.List<LinkedMove> linked) {
    public TransitionRequest {
        linked = linked == null ? java.util.List.of() : java.util.List.copyOf(linked);
    }

    public TransitionRequest(String to, Long version, String resolutionCode) {
        this(to, version, resolutionCode, null);
    }
}
