package org.atrium.core.internal.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in workflow every type uses until descriptors bring their own:
 * new -> in-progress -> resolved -> closed, with cancel and reopen.
 */
final class Workflow {
    static final String NEW = "new";
    static final String IN_PROGRESS = "in-progress";
    static final String RESOLVED = "resolved";
    static final String CLOSED = "closed";

    /** Who may take a transition: the department's agents, or also the requester. */
    enum Actor { AGENT, AGENT_OR_REQUESTER }

    record Step(String from, String to, String name, Actor actor) {
    }

    private static final Map<String, List<Step>> STEPS = Map.of(
            NEW, List.of(
                    new Step(NEW, IN_PROGRESS, "Start work", Actor.AGENT),
                    new Step(NEW, RESOLVED, "Resolve", Actor.AGENT),
                    new Step(NEW, CLOSED, "Cancel", Actor.AGENT_OR_REQUESTER)),
            IN_PROGRESS, List.of(
                    new Step(IN_PROGRESS, RESOLVED, "Resolve", Actor.AGENT),
                    new Step(IN_PROGRESS, CLOSED, "Cancel", Actor.AGENT)),
            RESOLVED, List.of(
                    new Step(RESOLVED, CLOSED, "Close", Actor.AGENT_OR_REQUESTER),
                    new Step(RESOLVED, IN_PROGRESS, "Reopen", Actor.AGENT_OR_REQUESTER)),
            CLOSED, List.of());

    static final List<String> STATES = List.of(NEW, IN_PROGRESS, RESOLVED, CLOSED);

    private Workflow() {
    }

    static String initialState() {
        return NEW;
    }

    static boolean isState(String state) {
        return STEPS.containsKey(state);
    }

    /** The steps out of {@code from} that someone with these capacities may take. */
    static List<Step> stepsFrom(String from, boolean agent, boolean requester) {
        return STEPS.getOrDefault(from, List.of()).stream()
                .filter(step -> agent || (requester && step.actor() == Actor.AGENT_OR_REQUESTER))
                .toList();
    }

    static Optional<Step> step(String from, String to) {
        return STEPS.getOrDefault(from, List.of()).stream().filter(step -> step.to().equals(to)).findFirst();
    }
}
