package org.atrium.api.ticket;

import java.util.List;
import java.util.Map;

/**
 * A step the caller may take from where the ticket is.
 *
 * @param to                   the state it enters
 * @param name                 its English name, e.g. "Resolve"
 * @param names                its name per language tag (de, en)
 * @param category             the status category of {@code to}
 * @param resolutionCodeRequired the step needs a resolution code, chosen when it is taken
 * @param resolutionCodes      the codes to choose from when the step resolves the ticket (empty otherwise)
 * @param blockedBy            the guards that do not hold yet (e.g. {@code fields.cause}, {@code children}),
 *                             each with its reason; empty when the step can be taken now
 * @param linked               linked tickets that can move along with this step (send them as
 *                             {@code linked} in the request): a problem's open incidents when it resolves
 */
public record Transition(String to, String name, Map<String, String> names, String category,
        boolean resolutionCodeRequired, List<ResolutionCode> resolutionCodes, List<org.atrium.api.FieldError> blockedBy,
        List<LinkedOffer> linked) {
    public Transition {
        linked = linked == null ? List.of() : List.copyOf(linked);
        names = Map.copyOf(names);
        resolutionCodes = List.copyOf(resolutionCodes);
        blockedBy = List.copyOf(blockedBy);
    }

    /** A linked ticket that may move to {@code to} with this step, with the codes to choose from. */
    public record LinkedOffer(String key, String summary, String to, List<ResolutionCode> resolutionCodes) {
    }

    /** A way a ticket can be resolved, with its label per language tag. */
    public record ResolutionCode(String value, Map<String, String> labels) {
    }
}
