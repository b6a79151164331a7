package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atrium.core.internal.SettableClock;
import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.LockedFieldException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.approval.Approval;
import org.atrium.api.approval.Decision;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The approval engine through TicketService and ApprovalService: stages, rules, delegation, timers, children. */
class ApprovalsTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller MARC = Caller.of("marc", "employee", "approver");
    static final Caller CHRIS = Caller.of("chris", "employee", "agent-it", "cab", "change-manager");
    static final Caller INA = Caller.of("ina", "employee", "agent-it", "cab");
    static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");
    static final Caller FELIX = Caller.of("felix", "employee", "agent-facility");
    static final Caller ADMIN = Caller.of("admin", "employee", "admin");
    static final Caller BOSS = Caller.of("boss", "employee");
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    static final String LEAVE = """
            {"key": "hr.leave", "department": "hr", "category": "service-request", "keyPrefix": "HR", "schemaVersion": 1,
             "confidential": true, "names": {"de": "Urlaub", "en": "Leave"},
             "workflow": {"initial": "submitted", "states": [
               {"key": "submitted", "category": "open", "names": {"de": "Eingereicht", "en": "Submitted"}},
               {"key": "approved", "category": "in-progress", "names": {"de": "Genehmigt", "en": "Approved"}},
               {"key": "recorded", "category": "resolved", "names": {"de": "Entschieden", "en": "Decided"}},
               {"key": "closed", "category": "closed", "names": {"de": "Abgeschlossen", "en": "Closed"}}],
              "transitions": [
               {"from": ["submitted"], "to": "closed", "names": {"de": "Zurückziehen", "en": "Withdraw"}, "by": ["requester", "agents"]},
               {"from": ["submitted"], "to": "approved", "names": {"de": "Genehmigt", "en": "Approved"}, "by": ["approver"],
                "guards": {"approvalsDecided": true}},
               {"from": ["submitted"], "to": "recorded", "names": {"de": "Abgelehnt", "en": "Rejected"}, "by": ["approver"],
                "guards": {"approvalsDecided": true}},
               {"from": ["approved"], "to": "recorded", "names": {"de": "Bestätigen", "en": "Confirm"}, "by": ["agents"],
                "guards": {"resolutionCode": true}},
               {"from": ["recorded"], "to": "closed", "names": {"de": "Schließen", "en": "Close"}, "by": ["agents"]}]},
             "fieldRules": [{"parties": ["requester", "agents"], "fields": ["summary", "fields.*"],
                "categories": ["open", "in-progress", "pending"]}],
             "resolutionCodes": [{"value": "approved", "labels": {"de": "Genehmigt", "en": "Approved"}},
               {"value": "declined", "labels": {"de": "Abgelehnt", "en": "Declined"}}],
             "fields": [{"name": "days", "type": "integer", "labels": {"de": "Tage", "en": "Days"}},
               {"name": "period", "type": "text", "labels": {"de": "Zeitraum", "en": "Period"}},
               {"name": "reason", "type": "text", "labels": {"de": "Grund", "en": "Reason"}}],
             "approvals": [{"state": "submitted", "approvedTo": "approved", "rejectedTo": "recorded", "rejectedResolution": "declined",
               "stages": [{"key": "manager", "names": {"de": "Führungskraft", "en": "Manager"}, "approvers": [{"managerOf": "requester"}],
                 "skipWhen": {"field": "days", "below": 1}, "shows": ["days", "period"], "locks": ["period", "days"],
                 "timeout": {"after": "PT2H", "remindBefore": "PT1H", "decision": "escalate"}}]}]}
            """;

    static final String CHANGE = """
            {"key": "it.change", "department": "it", "category": "change", "keyPrefix": "IT", "schemaVersion": 1,
             "audience": {"anyOf": ["agents", "role:admin"]}, "names": {"de": "Change", "en": "Change"},
             "workflow": {"initial": "new", "states": [
               {"key": "new", "category": "open", "names": {"de": "Neu", "en": "New"}},
               {"key": "awaiting-approval", "category": "pending", "names": {"de": "Beim CAB", "en": "With the CAB"}},
               {"key": "approved", "category": "in-progress", "names": {"de": "Genehmigt", "en": "Approved"}},
               {"key": "closed", "category": "closed", "names": {"de": "Geschlossen", "en": "Closed"}}],
              "transitions": [
               {"from": ["new"], "to": "awaiting-approval", "names": {"de": "Vorlegen", "en": "Submit"}, "by": ["agents"]},
               {"from": ["awaiting-approval"], "to": "approved", "names": {"de": "Genehmigt", "en": "Approved"}, "by": ["approver"],
                "guards": {"approvalsDecided": true}},
               {"from": ["approved"], "to": "closed", "names": {"de": "Schließen", "en": "Close"}, "by": ["agents"]},
               {"from": ["new", "awaiting-approval"], "to": "closed", "names": {"de": "Zurückziehen", "en": "Withdraw"}, "by": ["agents"]}]},
             "resolutionCodes": [{"value": "rejected", "labels": {"de": "Abgelehnt", "en": "Rejected"}}],
             "fields": [{"name": "changeType", "type": "choice", "required": true, "labels": {"de": "Typ", "en": "Type"},
               "options": ["standard", "normal", "emergency"]}],
             "approvals": [{"state": "awaiting-approval", "approvedTo": "approved", "rejectedTo": "closed", "rejectedResolution": "rejected",
               "stages": [
                 {"key": "cab", "names": {"de": "CAB", "en": "CAB"}, "approvers": [{"role": "cab"}], "rule": {"atLeast": 2},
                  "onlyWhen": {"field": "changeType", "equals": "normal"}, "shows": ["changeType"]},
                 {"key": "cab-emergency", "names": {"de": "CAB (Notfall)", "en": "CAB (emergency)"}, "approvers": [{"role": "cab"}],
                  "rule": "any", "onlyWhen": {"field": "changeType", "equals": "emergency"}}]}]}
            """;

    static final String ONBOARDING = """
            {"key": "hr.onboarding", "department": "hr", "category": "service-request", "keyPrefix": "HR", "schemaVersion": 1,
             "confidential": true, "names": {"de": "Onboarding", "en": "Onboarding"},
             "workflow": {"initial": "submitted", "states": [
               {"key": "submitted", "category": "open", "names": {"de": "Eingereicht", "en": "Submitted"}},
               {"key": "preparing", "category": "in-progress", "names": {"de": "In Vorbereitung", "en": "Preparing"}},
               {"key": "ready", "category": "in-progress", "names": {"de": "Bereit", "en": "Ready"}},
               {"key": "done", "category": "resolved", "names": {"de": "Erledigt", "en": "Done"}},
               {"key": "cancelled", "category": "closed", "names": {"de": "Abgebrochen", "en": "Cancelled"}}],
              "transitions": [
               {"from": ["submitted"], "to": "preparing", "names": {"de": "Starten", "en": "Start"}, "by": ["agents"]},
               {"from": ["preparing"], "to": "ready", "names": {"de": "Bereit", "en": "Ready"}, "by": ["agents"],
                "guards": {"childrenResolved": true}},
               {"from": ["ready"], "to": "done", "names": {"de": "Abschließen", "en": "Complete"}, "by": ["agents"]},
               {"from": ["submitted", "preparing", "ready"], "to": "cancelled", "names": {"de": "Abbrechen", "en": "Cancel"}, "by": ["agents"]},
               {"from": ["done"], "to": "cancelled", "names": {"de": "Schließen", "en": "Close"}, "by": ["agents"]}]},
             "fields": [{"name": "newHire", "type": "text", "required": true, "labels": {"de": "Name", "en": "Name"}},
               {"name": "startDate", "type": "date", "required": true, "labels": {"de": "Start", "en": "Start"}},
               {"name": "salary", "type": "integer", "labels": {"de": "Gehalt", "en": "Salary"}},
               {"name": "equipment", "type": "multi-choice", "labels": {"de": "Ausstattung", "en": "Equipment"},
                "options": ["laptop", "desk"]}],
             "children": {"on": "preparing", "doneTo": "ready", "cancelledIn": ["cancelled"], "tickets": [
               {"key": "accounts", "type": "it.task", "summary": {"de": "Zugänge für {newHire}", "en": "Accounts for {newHire}"},
                "fields": {"person": "newHire", "startDate": "startDate"}, "dueBefore": {"field": "startDate", "days": 2}},
               {"key": "desk", "type": "facility.task", "summary": {"de": "Arbeitsplatz für {newHire}", "en": "Desk for {newHire}"},
                "fields": {"person": "newHire"}, "onlyWhen": {"field": "equipment", "in": ["desk"]}}]}}
            """;

    /** Approvers by a Java resolver, a group and a named person together, settled by a percentage. */
    static final String ACCESS = """
            {"key": "it.access", "department": "it", "category": "service-request", "keyPrefix": "IT", "schemaVersion": 1,
             "names": {"de": "Zugang", "en": "Access"},
             "workflow": {"initial": "new", "states": [
               {"key": "new", "category": "open", "names": {"de": "Neu", "en": "New"}},
               {"key": "granted", "category": "resolved", "names": {"de": "Erteilt", "en": "Granted"}},
               {"key": "refused", "category": "closed", "names": {"de": "Abgelehnt", "en": "Refused"}}],
              "transitions": [
               {"from": ["new"], "to": "granted", "names": {"de": "Erteilt", "en": "Granted"}, "by": ["approver"], "guards": {"approvalsDecided": true}},
               {"from": ["new"], "to": "refused", "names": {"de": "Abgelehnt", "en": "Refused"}, "by": ["approver"], "guards": {"approvalsDecided": true}},
               {"from": ["granted"], "to": "refused", "names": {"de": "Entziehen", "en": "Revoke"}, "by": ["agents"]}]},
             "fields": [],
             "approvals": [{"state": "new", "approvedTo": "granted", "rejectedTo": "refused",
               "stages": [{"key": "owners", "names": {"de": "Verantwortliche", "en": "Owners"},
                 "approvers": [{"resolver": "test.owners"}, {"group": "it/cab-group"}, {"person": "boss"}],
                 "rule": {"percent": 50}}]}]}
            """;

    static String task(String department, String prefix) {
        return """
                {"key": "%s.task", "department": "%s", "category": "task", "keyPrefix": "%s", "schemaVersion": 1,
                 "audience": {"anyOf": ["agents"]}, "names": {"de": "Aufgabe", "en": "Task"},
                 "fields": [{"name": "person", "type": "text", "labels": {"de": "Person", "en": "Person"}},
                   {"name": "startDate", "type": "date", "labels": {"de": "Start", "en": "Start"}},
                   {"name": "due", "type": "date", "labels": {"de": "Fällig", "en": "Due"}}]}
                """.formatted(department, department, prefix);
    }

    private static TestDatabases databases;
    private static RequestTypeCatalog catalog;
    private SettableClock clock;
    private TicketServiceImpl service;

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("approvals");
        catalog = TestCatalogs.catalog(LEAVE, CHANGE, ONBOARDING, task("it", "IT"), task("facility", "FAC"));
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        TestPeople.store(databases.database(),
                "boss,Bea Boss,,de,sales,,DE,DE-BY,employee,true,,,",
                "marc,Marc Maier,,de,sales,boss,DE,DE-BY,employee;approver,true,chris,2026-03-10,2026-03-20",
                "anna,Anna Albrecht,,de,sales,marc,DE,DE-BY,employee,true,,,",
                "ina,Ina Io,,de,it,,DE,DE-BE,employee;agent-it;cab,true,,,",
                "chris,Chris Cab,,en,it,,DE,DE-BE,employee;agent-it;cab;change-manager,true,,,",
                "hanna,Hanna Huber,,de,hr,,DE,DE-BY,employee;agent-hr,true,,,",
                "felix,Felix Fac,,de,facility,,DE,DE-HH,employee;agent-facility,true,,,",
                "admin,Admin,,en,it,,DE,DE-BE,employee;admin,true,,,");
        clock = new SettableClock(START);
        service = new TicketServiceImpl(databases.database(), catalog, clock);
    }

    private Ticket leave(int days) {
        return service.create(ANNA, new NewTicket("hr.leave", "Leave in March", "private reasons", null, null,
                Map.of("days", days, "period", "2026-03-23..2026-03-27", "reason", "family")));
    }

    private Approval only(List<Approval> approvals) {
        assertEquals(1, approvals.size(), approvals.toString());
        return approvals.get(0);
    }

    private List<String> actions(Caller who, String key) {
        return service.history(who, key).stream().map(HistoryEntry::action).toList();
    }

    @Test
    void theManagerApprovesAndTheTicketMovesOnWithTheOutcome() {
        Ticket filed = leave(5);
        assertEquals("submitted", filed.status());
        assertEquals("pending", filed.approval().state());
        Approval asked = only(service.inbox(MARC, "pending"));
        assertEquals(filed.key(), asked.ticket());
        assertEquals(Map.of("days", 5, "period", "2026-03-23..2026-03-27"), asked.fields(), "only the fields the stage shows");
        assertEquals(START.plus(Duration.ofHours(2)), asked.dueAt());

        Ticket seenByMarc = service.get(MARC, filed.key());
        assertNull(seenByMarc.description(), "an approver reads no description");
        assertEquals(Map.of("days", 5, "period", "2026-03-23..2026-03-27"), seenByMarc.fields());

        Approval decided = service.decide(MARC, asked.id(), new Decision("approve", "Enjoy"));
        assertEquals("approved", decided.state());
        Ticket after = service.get(ANNA, filed.key());
        assertEquals("approved", after.status());
        assertEquals("approved", after.approval().state());
        assertEquals(List.of("marc"), after.approval().decidedBy());
        assertTrue(service.inbox(MARC, "pending").isEmpty());
        assertEquals(1, service.inbox(MARC, "decided").size());
        assertEquals("Enjoy", only(service.ofTicket(ANNA, filed.key())).comment());
        assertTrue(actions(HANNA, filed.key()).containsAll(List.of("approval-requested", "approval-decided", "approval-outcome")));
        // marc keeps read access after deciding; hanna confirms
        assertEquals("approved", service.get(MARC, filed.key()).status());
        Ticket recorded = service.transition(HANNA, filed.key(), new TransitionRequest("recorded", null, "approved"));
        assertEquals("resolved", recorded.statusCategory());
    }

    @Test
    void aRejectionNeedsAReasonAndMovesToTheRejectedStateWithItsCode() {
        Ticket filed = leave(3);
        long id = only(service.inbox(MARC, "pending")).id();
        ValidationException noReason = assertThrows(ValidationException.class, () -> service.decide(MARC, id, new Decision("reject", " ")));
        assertEquals(List.of("comment"), noReason.errors().stream().map(FieldError::field).toList());
        ValidationException wrong = assertThrows(ValidationException.class, () -> service.decide(MARC, id, new Decision("maybe", null)));
        assertEquals(List.of("decision"), wrong.errors().stream().map(FieldError::field).toList());
        service.decide(MARC, id, new Decision("reject", "Team offsite that week"));
        Ticket after = service.get(ANNA, filed.key());
        assertEquals("recorded", after.status());
        assertEquals("declined", after.resolutionCode());
        assertEquals("rejected", after.approval().state());
        assertEquals("manager", after.approval().stage());
        assertEquals("Team offsite that week", only(service.ofTicket(ANNA, filed.key())).comment());
        ConflictException twice = assertThrows(ConflictException.class, () -> service.decide(MARC, id, new Decision("approve", null)));
        assertTrue(twice.getMessage().contains("already rejected by marc"), twice.getMessage());
    }

    @Test
    void wrongDecidersAreRefusedAndNothingIsRecorded() {
        Ticket filed = leave(2);
        long id = only(service.inbox(MARC, "pending")).id();
        assertThrows(ForbiddenException.class, () -> service.decide(ANNA, id, new Decision("approve", null)), "her own request");
        assertThrows(NotFoundException.class, () -> service.decide(INA, id, new Decision("approve", null)),
                "not an approver, and the HR ticket is confidential: not disclosed");
        assertThrows(ForbiddenException.class, () -> service.decide(CHRIS, id, new Decision("approve", null)),
                "marc's delegate, but marc is not away on 2026-03-02");
        assertThrows(NotFoundException.class, () -> service.get(INA, id), "ina sees neither the approval nor the HR ticket");
        assertThrows(NotFoundException.class, () -> service.decide(MARC, 999_999, new Decision("approve", null)));
        assertEquals("pending", service.get(ANNA, filed.key()).approval().state());
        assertEquals("pending", only(service.ofTicket(ANNA, filed.key())).state());
    }

    @Test
    void theDelegateDecidesOnBehalfWhileTheApproverIsAway() {
        clock.advance(Duration.ofDays(9)); // 2026-03-11: marc is away, chris acts for him
        Ticket filed = leave(4);
        Approval asked = only(service.inbox(CHRIS, "pending"));
        assertEquals("marc", asked.approver());
        Approval decided = service.decide(CHRIS, asked.id(), new Decision("approve", "For Marc"));
        assertEquals("chris", decided.decidedBy());
        assertEquals("marc", decided.onBehalfOf());
        assertEquals(List.of("chris"), service.get(ANNA, filed.key()).approval().decidedBy());
    }

    @Test
    void anApproverHandsOneApprovalToAColleague() {
        Ticket filed = leave(4);
        long id = only(service.inbox(MARC, "pending")).id();
        assertThrows(ValidationException.class, () -> service.handOver(MARC, id, "anna"), "the requester");
        assertThrows(ValidationException.class, () -> service.handOver(MARC, id, "nobody"));
        assertThrows(NotFoundException.class, () -> service.handOver(INA, id, "boss"), "the confidential request is not disclosed");
        Approval handed = service.handOver(MARC, id, "boss");
        assertEquals("boss", handed.approver());
        assertEquals("marc", handed.handedOverBy());
        assertThrows(ForbiddenException.class, () -> service.decide(MARC, id, new Decision("approve", null)), "no longer marc's");
        service.decide(BOSS, id, new Decision("approve", null));
        assertEquals("approved", service.get(ANNA, filed.key()).status());
        assertTrue(actions(HANNA, filed.key()).contains("approval-handed-over"));
    }

    @Test
    void aStageTheFormSkipsIsPreApprovedAtOnce() {
        Ticket filed = leave(0);
        assertEquals("approved", filed.status(), "the answer shows where the ticket is now");
        assertEquals("approved", filed.approval().state());
        assertTrue(filed.approval().decidedBy().isEmpty());
        assertTrue(service.inbox(MARC, "pending").isEmpty());
    }

    @Test
    void approvedFieldsAreLockedForEveryone() {
        Ticket filed = leave(5);
        LockedFieldException pending = assertThrows(LockedFieldException.class, () -> service.update(ANNA, filed.key(),
                new TicketUpdate(service.get(ANNA, filed.key()).version(), null, null, null, null, null, Map.of("days", 9), null)));
        assertEquals(List.of("fields.days"), pending.errors().stream().map(FieldError::field).toList());
        service.decide(MARC, only(service.inbox(MARC, "pending")).id(), new Decision("approve", null));
        Ticket approved = service.get(HANNA, filed.key());
        assertThrows(LockedFieldException.class, () -> service.update(HANNA, filed.key(),
                new TicketUpdate(approved.version(), null, null, null, null, null, Map.of("period", "2026-04-01..2026-04-03"), null)));
        Ticket reason = service.update(HANNA, filed.key(),
                new TicketUpdate(approved.version(), null, null, null, null, null, Map.of("reason", "wedding"), null));
        assertEquals("wedding", reason.fields().get("reason"), "what the approval did not cover stays editable");
    }

    @Test
    void aReminderThenAnEscalationToTheApproversManagerEachOnce() {
        Ticket filed = leave(5);
        clock.advance(Duration.ofMinutes(30));
        assertEquals(0, service.runTimers());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(1, service.runTimers(), "the reminder an hour before the timeout");
        assertEquals(0, service.runTimers(), "fired once");
        clock.advance(Duration.ofHours(1));
        assertEquals(1, service.runTimers(), "the timeout");
        assertEquals("escalated", service.ofTicket(ANNA, filed.key()).get(0).state());
        Approval boss = only(service.inbox(BOSS, "pending"));
        assertEquals(clock.instant().plus(Duration.ofHours(2)), boss.dueAt(), "the manager gets the stage's full time");
        List<String> actions = actions(HANNA, filed.key());
        assertTrue(actions.containsAll(List.of("approval-reminded", "approval-escalated")), actions.toString());
        service.decide(BOSS, boss.id(), new Decision("approve", null));
        assertEquals("approved", service.get(ANNA, filed.key()).status());
    }

    @Test
    void aTimerThatFellDueWhileTheServerWasDownFiresOnceAfterTheStart() {
        Ticket filed = leave(5);
        clock.advance(Duration.ofHours(3)); // reminder and timeout both due; nobody ran them
        TicketServiceImpl restarted = new TicketServiceImpl(databases.database(), catalog, clock);
        assertEquals(2, restarted.runTimers());
        assertEquals(0, restarted.runTimers());
        assertEquals(0, service.runTimers(), "another node finds nothing left");
        assertEquals(1, restarted.inbox(BOSS, "pending").size());
        assertEquals(1, actions(HANNA, filed.key()).stream().filter("approval-escalated"::equals).count());
    }

    @Test
    void withdrawingTheRequestWithdrawsItsOpenApprovals() {
        Ticket filed = leave(5);
        long id = only(service.inbox(MARC, "pending")).id();
        service.transition(ANNA, filed.key(), new TransitionRequest("closed", null, null));
        assertEquals("withdrawn", service.get(ANNA, filed.key()).approval().state());
        ConflictException late = assertThrows(ConflictException.class, () -> service.decide(MARC, id, new Decision("approve", null)));
        assertTrue(late.getMessage().contains("closed"), late.getMessage());
        clock.advance(Duration.ofHours(3));
        assertEquals(0, service.runTimers(), "its timers went with it");
    }

    @Test
    void aNormalChangeNeedsTwoOfTheCabAndAStandardChangeIsPreApproved() {
        Ticket normal = service.create(ADMIN, new NewTicket("it.change", "Upgrade the mail relay", null, null, null,
                Map.of("changeType", "normal")));
        normal = service.transition(CHRIS, normal.key(), new TransitionRequest("awaiting-approval", null, null));
        assertEquals("awaiting-approval", normal.status());
        assertEquals(2, service.ofTicket(ADMIN, normal.key()).size(), "ina and chris");
        service.decide(INA, only(service.inbox(INA, "pending")).id(), new Decision("approve", null));
        assertEquals("awaiting-approval", service.get(ADMIN, normal.key()).status(), "one of two");
        clock.advance(Duration.ofMinutes(5));
        service.decide(CHRIS, only(service.inbox(CHRIS, "pending")).id(), new Decision("approve", "Go"));
        Ticket approved = service.get(ADMIN, normal.key());
        assertEquals("approved", approved.status());
        assertEquals(List.of("ina", "chris"), approved.approval().decidedBy());

        Ticket standard = service.create(ADMIN, new NewTicket("it.change", "Add a printer", null, null, null, Map.of("changeType", "standard")));
        assertEquals("approved", service.transition(INA, standard.key(), new TransitionRequest("awaiting-approval", null, null)).status());

        Ticket emergency = service.create(ADMIN, new NewTicket("it.change", "Patch the VPN", null, null, null, Map.of("changeType", "emergency")));
        service.transition(INA, emergency.key(), new TransitionRequest("awaiting-approval", null, null));
        service.decide(CHRIS, only(service.inbox(CHRIS, "pending")).id(), new Decision("approve", null));
        assertEquals("approved", service.get(ADMIN, emergency.key()).status(), "one CAB member suffices");
        assertTrue(service.inbox(INA, "pending").isEmpty(), "ina's part was withdrawn");
    }

    @Test
    void twoCabMembersDecidingAtTheSameMomentSettleTheStageOnce() throws Exception {
        for (int run = 0; run < 5; run++) {
            Ticket change = service.create(ADMIN, new NewTicket("it.change", "Concurrent " + run, null, null, null,
                    Map.of("changeType", "normal")));
            service.transition(CHRIS, change.key(), new TransitionRequest("awaiting-approval", null, null));
            long ina = service.inbox(INA, "pending").stream().filter(a -> a.ticket().equals(change.key())).findFirst().orElseThrow().id();
            long chris = service.inbox(CHRIS, "pending").stream().filter(a -> a.ticket().equals(change.key())).findFirst().orElseThrow().id();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> {
                    start.await();
                    return service.decide(INA, ina, new Decision("approve", null));
                });
                var second = pool.submit(() -> {
                    start.await();
                    return service.decide(CHRIS, chris, new Decision("approve", null));
                });
                first.get();
                second.get();
            } finally {
                pool.shutdownNow();
            }
            Ticket approved = service.get(ADMIN, change.key());
            assertEquals("approved", approved.status(), "both approvals count: the second decision saw the first");
            assertEquals(1, actions(ADMIN, change.key()).stream().filter("approval-outcome"::equals).count());
        }
    }

    @Test
    void theCabNeverApprovesItsOwnChangeAndOneRejectionOfTwoNeededRejects() {
        Ticket own = service.create(CHRIS, new NewTicket("it.change", "Chris's change", null, null, null, Map.of("changeType", "normal")));
        service.transition(CHRIS, own.key(), new TransitionRequest("awaiting-approval", null, null));
        List<Approval> asked = service.ofTicket(CHRIS, own.key());
        assertEquals(List.of("ina"), asked.stream().map(Approval::approver).toList(), "chris is the requester");
        service.decide(INA, asked.get(0).id(), new Decision("reject", "No rollback plan"));
        Ticket rejected = service.get(CHRIS, own.key());
        assertEquals("closed", rejected.status());
        assertEquals("rejected", rejected.resolutionCode());
    }

    @Test
    void onboardingCreatesChildTicketsThatSeeOnlyWhatTheyAreGiven() {
        Ticket parent = service.create(HANNA, new NewTicket("hr.onboarding", "Onboarding Nora", null, null, null,
                Map.of("newHire", "Nora Neu", "startDate", "2026-04-01", "salary", 70000, "equipment", List.of("laptop", "desk"))));
        service.transition(HANNA, parent.key(), new TransitionRequest("preparing", null, null));
        List<org.atrium.api.ticket.Link> links = service.links(HANNA, parent.key());
        assertEquals(2, links.size(), links.toString());
        String itKey = links.stream().filter(l -> l.key().startsWith("IT-")).findFirst().orElseThrow().key();
        String facilityKey = links.stream().filter(l -> l.key().startsWith("FAC-")).findFirst().orElseThrow().key();
        Ticket it = service.get(INA, itKey);
        assertEquals("Zugänge für Nora Neu", it.summary());
        assertEquals(Map.of("person", "Nora Neu", "startDate", "2026-04-01", "due", "2026-03-30"), it.fields());
        assertEquals("hanna", it.requester());
        assertThrows(NotFoundException.class, () -> service.get(INA, parent.key()), "the confidential parent stays hidden");
        assertTrue(service.links(INA, itKey).isEmpty(), "nor is it shown as a link");
        service.transition(INA, itKey, new TransitionRequest("resolved", null, "done"));
        assertEquals("preparing", service.get(HANNA, parent.key()).status(), "one child still open");
        service.transition(FELIX, facilityKey, new TransitionRequest("resolved", null, "done"));
        assertEquals("ready", service.get(HANNA, parent.key()).status(), "all children done");
    }

    @Test
    void cancellingTheParentCancelsItsOpenChildren() {
        Ticket parent = service.create(HANNA, new NewTicket("hr.onboarding", "Onboarding Olaf", null, null, null,
                Map.of("newHire", "Olaf", "startDate", "2026-04-01")));
        service.transition(HANNA, parent.key(), new TransitionRequest("preparing", null, null));
        List<org.atrium.api.ticket.Link> links = service.links(HANNA, parent.key());
        assertEquals(1, links.size(), "no desk asked for: only the accounts");
        String child = links.get(0).key();
        service.transition(HANNA, parent.key(), new TransitionRequest("cancelled", null, null));
        assertEquals("closed", service.get(INA, child).statusCategory());
    }

    @Test
    void approversFromAResolverAGroupAndAPersonDecideByPercentage() {
        org.atrium.core.internal.extension.Extensions extensions = new org.atrium.core.internal.extension.Extensions();
        List<org.atrium.api.spi.ApproverContext> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        extensions.addApproverResolver(context -> {
            asked.add(context);
            return List.of("ina", "anna");
        }, Map.of(org.atrium.api.spi.Extension.NAME, "test.owners"));
        org.atrium.core.internal.group.AssignmentGroupsService groups = org.atrium.core.internal.group.AssignmentGroupsService.of(
                Map.of("it", Map.of("cab-group.members", "chris, ina", "cab-group.name.de", "CAB",
                        "cab-group.name.en", "CAB")));
        RequestTypeCatalog withAccess = TestCatalogs.catalog(ACCESS);
        TicketServiceImpl access = new TicketServiceImpl(databases.database(), withAccess, extensions, clock, null,
                new org.atrium.core.internal.directory.DirectoryService(
                        new org.atrium.core.internal.directory.DatabaseDirectoryProvider(databases.database())), groups, false);
        Ticket filed = access.create(ANNA, new NewTicket("it.access", "ERP access", null, null, null, Map.of()));
        List<String> approvers = access.ofTicket(ANNA, filed.key()).stream().map(Approval::approver).sorted().toList();
        assertEquals(List.of("boss", "chris", "ina"), approvers, "ina once, anna never (the requester)");
        assertEquals(filed.key(), asked.get(0).ticket().key(), "the resolver learns the ticket");
        assertTrue(asked.get(0).stage().approvers().stream().anyMatch(rule -> "test.owners".equals(rule.value())),
                "and the stage that names it");
        access.decide(INA, only(access.inbox(INA, "pending")).id(), new Decision("approve", null));
        assertEquals("new", access.get(ANNA, filed.key()).status(), "one of three is not half");
        access.decide(BOSS, only(access.inbox(BOSS, "pending")).id(), new Decision("reject", "No"));
        access.decide(CHRIS, only(access.inbox(CHRIS, "pending")).id(), new Decision("approve", null));
        assertEquals("granted", access.get(ANNA, filed.key()).status(), "two of three");
    }

    @Test
    void aStoredTypeVersionKeepsItsApprovalsAndChildren() throws Exception {
        for (String key : List.of("hr.leave", "hr.onboarding")) {
            org.atrium.api.catalog.RequestType type = catalog.find(key).orElseThrow();
            org.atrium.api.catalog.RequestType stored = org.atrium.core.internal.form.Json.MAPPER
                    .readerFor(org.atrium.api.catalog.RequestType.class)
                    .readValue(org.atrium.core.internal.form.Json.write(type));
            assertEquals(type.approvals(), stored.approvals());
            assertEquals(type.children(), stored.children());
        }
        assertTrue(org.atrium.core.internal.form.Json.write(catalog.find("hr.leave").orElseThrow()).contains("\"PT2H\""));
    }
}
