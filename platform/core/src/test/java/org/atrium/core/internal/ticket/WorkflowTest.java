package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkflowTest {

    private static List<String> targets(String from, boolean agent, boolean requester) {
        return Workflow.stepsFrom(from, agent, requester).stream().map(Workflow.Step::to).toList();
    }

    @Test
    void startsNew() {
        assertEquals("new", Workflow.initialState());
        assertEquals(List.of("new", "in-progress", "resolved", "closed"), Workflow.STATES);
    }

    @Test
    void agentSteps() {
        assertEquals(List.of("in-progress", "resolved", "closed"), targets("new", true, false));
        assertEquals(List.of("resolved", "closed"), targets("in-progress", true, false));
        assertEquals(List.of("closed", "in-progress"), targets("resolved", true, false));
        assertEquals(List.of(), targets("closed", true, false));
    }

    @Test
    void requesterSteps() {
        assertEquals(List.of("closed"), targets("new", false, true));
        assertEquals(List.of(), targets("in-progress", false, true));
        assertEquals(List.of("closed", "in-progress"), targets("resolved", false, true));
        assertEquals(List.of(), targets("closed", false, true));
    }

    @Test
    void agentWhoIsAlsoRequesterGetsAgentSteps() {
        assertEquals(targets("new", true, false), targets("new", true, true));
    }

    @Test
    void strangersGetNothing() {
        for (String state : Workflow.STATES) {
            assertEquals(List.of(), targets(state, false, false), state);
        }
        assertEquals(List.of(), targets("nowhere", true, true));
    }

    @Test
    void stepNamesAndActors() {
        Workflow.Step cancel = Workflow.step("new", "closed").orElseThrow();
        assertEquals("Cancel", cancel.name());
        assertEquals(Workflow.Actor.AGENT_OR_REQUESTER, cancel.actor());
        assertEquals(Workflow.Actor.AGENT, Workflow.step("in-progress", "closed").orElseThrow().actor());
        assertEquals("Start work", Workflow.step("new", "in-progress").orElseThrow().name());
        assertEquals("Reopen", Workflow.step("resolved", "in-progress").orElseThrow().name());
        assertEquals("Close", Workflow.step("resolved", "closed").orElseThrow().name());
    }

    @Test
    void invalidSteps() {
        assertTrue(Workflow.step("closed", "new").isEmpty());
        assertTrue(Workflow.step("new", "new").isEmpty());
        assertTrue(Workflow.step("in-progress", "new").isEmpty());
        assertTrue(Workflow.step("bogus", "closed").isEmpty());
    }

    @Test
    void states() {
        for (String state : Workflow.STATES) {
            assertTrue(Workflow.isState(state));
        }
        assertFalse(Workflow.isState("open"));
        assertFalse(Workflow.isState("NEW"));
    }
}
