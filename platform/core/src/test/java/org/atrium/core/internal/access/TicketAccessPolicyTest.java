package org.atrium.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.AtriumException;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.workflow.Parties;
import org.junit.jupiter.api.Test;

/** The policy alone: every demo role against the kinds of ticket, each action's allow or deny with its status. */
class TicketAccessPolicyTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller MARC = Caller.of("marc", "employee", "approver");
    static final Caller INA = Caller.of("ina", "employee", "agent-it", "cab");
    static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");
    static final Caller FELIX = Caller.of("felix", "employee", "agent-facility");
    static final Caller ADMIN = Caller.of("admin", "employee", "admin");

    static TicketEntity ticket(String key, String department, boolean confidential, String requester) {
        TicketEntity ticket = new TicketEntity();
        ticket.setKey(key);
        ticket.setDepartment(department);
        ticket.setConfidential(confidential);
        ticket.setRequester(requester);
        return ticket;
    }

    static final TicketEntity INCIDENT = ticket("IT-1", "it", false, "anna");
    static final TicketEntity LEAVE = ticket("HR-1", "hr", true, "anna");
    static final TicketEntity REPAIR = ticket("FAC-1", "facility", false, "anna");
    /** An onboarding's IT task: IT's ticket, filed for the onboarding's requester (marc). */
    static final TicketEntity TASK = ticket("IT-2", "it", false, "marc");

    /** The status of each action: 200 allowed, else the denial's status. */
    private static Map<TicketAction, Integer> row(Caller caller, TicketEntity ticket, boolean approver) {
        Map<TicketAction, Integer> row = new EnumMap<>(TicketAction.class);
        for (TicketAction action : TicketAction.values()) {
            try {
                TicketAccessPolicy.check(action, caller, ticket, () -> approver);
                row.put(action, 200);
            } catch (AtriumException e) {
                row.put(action, e.status());
            }
        }
        return row;
    }

    /** Columns: READ, READ_RECORD, READ_INTERNAL, COMMENT, COMMENT_INTERNAL, TRANSITION, UPDATE, LINK, SLA. */
    private static Map<TicketAction, Integer> expect(int... statuses) {
        Map<TicketAction, Integer> row = new EnumMap<>(TicketAction.class);
        TicketAction[] actions = TicketAction.values();
        assertEquals(actions.length, statuses.length);
        for (int i = 0; i < actions.length; i++) {
            row.put(actions[i], statuses[i]);
        }
        return row;
    }

    private static final Map<TicketAction, Integer> REQUESTER = expect(200, 200, 403, 200, 403, 200, 200, 403, 200);
    private static final Map<TicketAction, Integer> AGENT = expect(200, 200, 200, 200, 200, 200, 200, 200, 200);
    private static final Map<TicketAction, Integer> READER = expect(200, 200, 403, 403, 403, 200, 200, 403, 200);
    private static final Map<TicketAction, Integer> APPROVER = expect(200, 403, 403, 403, 403, 403, 403, 403, 403);
    private static final Map<TicketAction, Integer> FORBIDDEN = expect(403, 403, 403, 403, 403, 403, 403, 403, 403);
    private static final Map<TicketAction, Integer> HIDDEN = expect(404, 404, 404, 404, 404, 404, 404, 404, 404);

    @Test
    void theRequesterSeesAndCommentsButDoesNotWork() {
        assertEquals(REQUESTER, row(ANNA, INCIDENT, false));
        assertEquals(REQUESTER, row(ANNA, LEAVE, false));
        assertEquals(REQUESTER, row(MARC, TASK, false), "the onboarding's requester follows its tasks");
    }

    @Test
    void agentsWorkTheirDepartmentsTicketsOnly() {
        assertEquals(AGENT, row(INA, INCIDENT, false));
        assertEquals(AGENT, row(INA, TASK, false), "a child task belongs to its own department");
        assertEquals(AGENT, row(HANNA, LEAVE, false));
        assertEquals(AGENT, row(FELIX, REPAIR, false));
        assertEquals(FORBIDDEN, row(FELIX, INCIDENT, false));
        assertEquals(FORBIDDEN, row(HANNA, TASK, false), "HR's onboarding does not make IT's task HR's");
        assertEquals(HIDDEN, row(INA, LEAVE, false), "another department's confidential ticket does not exist");
    }

    @Test
    void administratorsReadWhatIsNotConfidentialAndWorkNothing() {
        assertEquals(READER, row(ADMIN, INCIDENT, false));
        assertEquals(READER, row(ADMIN, TASK, false));
        assertEquals(HIDDEN, row(ADMIN, LEAVE, false), "administering the platform is not reading HR cases");
        assertEquals(AGENT, row(Caller.of("helga", "admin", "agent-hr"), LEAVE, false), "unless they are HR's agents too");
    }

    @Test
    void approversReadTheApprovalViewOnly() {
        assertEquals(View.APPROVAL, TicketAccessPolicy.view(MARC, LEAVE, () -> true));
        assertEquals(APPROVER, row(MARC, LEAVE, true));
        assertEquals(HIDDEN, row(MARC, LEAVE, false), "not asked: the leave request is not disclosed");
        assertEquals(FORBIDDEN, row(MARC, INCIDENT, false));
    }

    @Test
    void theApproverQuestionIsAskedOnlyWhenNothingElseShowsTheTicket() {
        assertEquals(View.FULL, TicketAccessPolicy.view(ANNA, LEAVE, () -> {
            throw new AssertionError("asked");
        }));
    }

    @Test
    void partiesFollowThePolicy() {
        TicketEntity assigned = ticket("IT-3", "it", false, "anna");
        assigned.setAssignee("ina");
        Parties ina = TicketAccessPolicy.parties(INA, assigned, false);
        assertTrue(ina.agent() && ina.assignee() && !ina.requester() && !ina.approver());
        Parties admin = TicketAccessPolicy.parties(ADMIN, assigned, false);
        assertFalse(admin.agent(), "an administrator is not an agent of the ticket");
        assertTrue(TicketAccessPolicy.parties(MARC, LEAVE, true).approver());
    }

    @Test
    void decidingAnApproval() {
        assertNull(TicketAccessPolicy.checkDecides(MARC, LEAVE, 7, ApproverStanding.approver("marc"), true));
        assertEquals("marc", TicketAccessPolicy.checkDecides(Caller.of("chris", "agent-it"), LEAVE, 7, ApproverStanding.delegateToday("marc"), true));
        ForbiddenException notToday = assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDecides(
                Caller.of("chris", "agent-it"), LEAVE, 7, ApproverStanding.delegateNotToday("marc", LocalDate.of(2026, 3, 9),
                        LocalDate.of(2026, 3, 13)), false));
        assertTrue(notToday.getMessage().contains("2026-03-09"), notToday.getMessage());
        TicketEntity own = ticket("HR-2", "hr", true, "marc");
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDecides(MARC, own, 7, ApproverStanding.approver("marc"), true),
                "nobody decides on their own request");
        assertThrows(NotFoundException.class, () -> TicketAccessPolicy.checkDecides(INA, LEAVE, 7, ApproverStanding.none("marc"), false),
                "a confidential ticket's approval is not disclosed");
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDecides(HANNA, LEAVE, 7, ApproverStanding.none("marc"), false),
                "HR sees the leave request, but marc decides");
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDecides(INA, REPAIR, 7, ApproverStanding.none("marc"), false));
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDecides(MARC, LEAVE, 7, ApproverStanding.none("boss"), true),
                "marc handed it over: he knows it exists, and may no longer decide");
    }

    @Test
    void seeingAnApproval() {
        TicketAccessPolicy.checkSeesApproval(MARC, LEAVE, 7, true);
        TicketAccessPolicy.checkSeesApproval(HANNA, LEAVE, 7, false);
        assertThrows(NotFoundException.class, () -> TicketAccessPolicy.checkSeesApproval(ADMIN, LEAVE, 7, false));
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkSeesApproval(FELIX, INCIDENT, 7, false));
    }

    @Test
    void theQueueIsRestrictedAsReadsAre() {
        assertEquals(List.of(Map.of("requester", "anna")), TicketAccessPolicy.listRestriction(ANNA, null));
        assertEquals(List.of(Map.of("requester", "ina"), Map.of("department", "it")), TicketAccessPolicy.listRestriction(INA, null));
        assertEquals(List.of(Map.of()), TicketAccessPolicy.listRestriction(INA, "it"), "an agent's own queue");
        assertEquals(List.of(Map.of("requester", "ina"), Map.of("department", "it")), TicketAccessPolicy.listRestriction(INA, "hr"));
        assertEquals(List.of(Map.of("requester", "admin"), Map.of("confidential", false)), TicketAccessPolicy.listRestriction(ADMIN, "hr"));
    }

    @Test
    void departmentListsAreForItsAgentsAndAdministrators() {
        TicketAccessPolicy.checkDepartmentLists(INA, "it");
        TicketAccessPolicy.checkDepartmentLists(ADMIN, "hr");
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDepartmentLists(HANNA, "it"));
        assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.checkDepartmentLists(ANNA, "it"));
        assertTrue(TicketAccessPolicy.listsConfidential(HANNA, "hr"));
        assertFalse(TicketAccessPolicy.listsConfidential(ADMIN, "hr"));
    }

    @Test
    void linkedTicketsAreShownAsTheyAreRead() {
        TicketEntity onboarding = ticket("HR-3", "hr", true, "marc");
        assertTrue(TicketAccessPolicy.showsLinked(HANNA, onboarding, TASK, true), "HR follows its onboarding's tasks");
        assertFalse(TicketAccessPolicy.showsLinked(HANNA, onboarding, TASK, false));
        assertFalse(TicketAccessPolicy.showsLinked(INA, TASK, onboarding, false), "IT does not learn of the confidential parent");
        assertTrue(TicketAccessPolicy.showsLinked(ADMIN, INCIDENT, TASK, false));
    }

    @Test
    void exportAndErasureAreForAdministrators() {
        for (PlatformAction action : PlatformAction.values()) {
            TicketAccessPolicy.check(action, ADMIN);
            for (Caller other : List.of(ANNA, MARC, INA, HANNA, FELIX)) {
                ForbiddenException e = assertThrows(ForbiddenException.class, () -> TicketAccessPolicy.check(action, other));
                assertTrue(e.getMessage().contains(action.description()), e.getMessage());
            }
        }
    }
}
