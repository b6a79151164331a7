package org.atrium.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * One state of a workflow.
 *
 * @param key               the status value a ticket carries, e.g. {@code waiting-for-requester}
 * @param names             display name per language tag (de, en)
 * @param category          what the state means for clocks, queues and field rules
 * @param onEnter           what happens when a ticket enters the state, in order
 * @param autoCloseAfter    for a resolved state: ISO-8601 duration (e.g. {@code P5D}) after which the
 *                          ticket moves on by itself, or null
 * @param autoCloseTo       the state auto-close moves to (a closed state), or null
 * @param waitsForRequester the ticket waits for the requester's answer here: entering the state mails
 *                          the requester (by default only the state {@value #WAITING_FOR_REQUESTER})
 * @since 1.1
 */
public record WorkflowState(String key, Map<String, String> names, StatusCategory category, List<StateAction> onEnter,
        String autoCloseAfter, String autoCloseTo, boolean waitsForRequester) {
    /** The key of the shipped workflows' state that waits for the requester, and the default for {@link #waitsForRequester}. */
    public static final String WAITING_FOR_REQUESTER = "waiting-for-requester";

    public WorkflowState {
        names = Map.copyOf(names);
        onEnter = onEnter == null ? List.of() : List.copyOf(onEnter);
    }

    /** A state that waits for the requester only if its key is {@value #WAITING_FOR_REQUESTER} (the 1.0 rule). */
    public WorkflowState(String key, Map<String, String> names, StatusCategory category, List<StateAction> onEnter, String autoCloseAfter,
            String autoCloseTo) {
        this(key, names, category, onEnter, autoCloseAfter, autoCloseTo, WAITING_FOR_REQUESTER.equals(key));
    }
}
