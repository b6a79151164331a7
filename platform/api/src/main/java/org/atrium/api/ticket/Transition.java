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
 */
public record Transition(String to, String name, Map<String, String> names, String category,
        boolean resolutionCodeRequired, List<ResolutionCode> resolutionCodes, List<org.atrium.api.FieldError> blockedBy) {
    public Transition {
        names = Map.copyOf(names);
        resolutionCodes = List.copyOf(resolutionCodes);
        blockedBy = List.copyOf(blockedBy);
    }

    /** A way a ticket can be resolved, with its label per language tag. */
    public record ResolutionCode(String value, Map<String, String> labels) {
    }
}
