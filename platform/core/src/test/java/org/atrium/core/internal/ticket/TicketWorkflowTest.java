package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.LockedFieldException;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.Transition;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-type workflows on the real persistence unit: parties, guards, field rules, comments, auto-close. */
class TicketWorkflowTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller INA = Caller.of("ina", "agent-it");
    static final Caller CHRIS = Caller.of("chris", "agent-it", "change-manager");
    static final Caller HANNA = Caller.of("hanna", "agent-hr");

    /** A type with its own workflow: a guard on a field, a set action, a role-only step, its own field rules. */
    static final String ACCESS = """
            {
              "key": "it.access",
              "department": "it",
              "category": "service-request",
              "keyPrefix": "ACC",
              "schemaVersion": 1,
              "names": {"de": "Zugang", "en": "Access"},
              "fields": [
                {"name": "system", "type": "text", "required": true, "labels": {"de": "System", "en": "System"}},
                {"name": "grantedBy", "type": "text", "labels": {"de": "Erteilt von", "en": "Granted by"}},
                {"name": "audited", "type": "boolean", "labels": {"de": "Geprüft", "en": "Audited"}}
              ],
              "workflow": {
                "initial": "requested",
                "states": [
                  {"key": "requested", "category": "open", "names": {"de": "Beantragt", "en": "Requested"}},
                  {"key": "granting", "category": "in-progress", "names": {"de": "Wird erteilt", "en": "Granting"},
                   "onEnter": [{"set": "audited", "value": false}]},
                  {"key": "granted", "category": "resolved", "names": {"de": "Erteilt", "en": "Granted"},
                   "autoClose": {"after": "PT2H", "to": "done"}},
                  {"key": "done", "category": "closed", "names": {"de": "Fertig", "en": "Done"}}
                ],
                "transitions": [
                  {"from": ["requested"], "to": "granting", "names": {"de": "Erteilen", "en": "Grant"}, "by": ["role:security-officer"]},
                  {"from": ["granting"], "to": "granted", "names": {"de": "Erteilt", "en": "Granted"}, "by": ["agents"],
                   "guards": {"fields": ["grantedBy"], "resolutionCode": true}},
                  {"from": ["requested", "granting"], "to": "done", "names": {"de": "Abbrechen", "en": "Cancel"}, "by": ["requester", "agents"]},
                  {"from": ["granted"], "to": "granting", "names": {"de": "Nachbessern", "en": "Rework"}, "by": ["agents"]}
                ],
                "requesterReopens": "granting",
                "closedComments": "reopen"
              },
              "resolutionCodes": [{"value": "granted", "labels": {"de": "Erteilt", "en": "Granted"}}],
              "fieldRules": [
                {"parties": ["requester"], "fields": ["fields.system"], "categories": ["open"]},
                {"parties": ["agents"], "fields": ["fields.*", "assignee"], "categories": ["open", "in-progress", "resolved"]}
              ]
            }
            """;

    private static TestDatabases databases;
    private static RequestTypeCatalog catalog;
    private TicketServiceImpl service;
    private SettableClock clock;

    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plusMillis(1);
            return now;
        }
    }

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("workflows");
        catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT, ACCESS);
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        clock = new SettableClock();
        service = new TicketServiceImpl(databases.database(), catalog, clock);
    }

    private Ticket incident() {
        return service.create(ANNA, new NewTicket("it.incident", "VPN drops", null, null, null, Map.of("affectedService", "vpn")));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void incidentThroughTriageWaitingResolutionAndAutoClose() {
        Ticket t = incident();
        assertEquals("new", t.status());
        assertEquals("open", t.statusCategory());
        assertEquals(List.of("closed"), service.transitions(ANNA, t.key()).stream().map(Transition::to).toList(),
                "the requester may only cancel a new incident");

        t = service.transition(INA, t.key(), "in-progress", t.version());
        t = service.transition(INA, t.key(), "waiting-for-requester", t.version());
        assertEquals("pending", t.statusCategory());
        assertEquals(List.of("in-progress"), service.transitions(ANNA, t.key()).stream().map(Transition::to).toList());
        t = service.transition(ANNA, t.key(), "in-progress", t.version());

        Transition resolve = service.transitions(INA, t.key()).stream().filter(s -> s.to().equals("resolved")).findFirst().orElseThrow();
        assertEquals("resolved", resolve.category());
        assertEquals(List.of("fixed", "workaround", "no-fault-found", "duplicate"),
                resolve.resolutionCodes().stream().map(Transition.ResolutionCode::value).toList());
        String key = t.key();
        long version = t.version();
        ValidationException noCode = assertThrows(ValidationException.class, () -> service.transition(INA, key, "resolved", version));
        assertEquals(List.of("resolutionCode"), fields(noCode));
        ValidationException badCode = assertThrows(ValidationException.class,
                () -> service.transition(INA, key, new TransitionRequest("resolved", version, "magic")));
        assertEquals(List.of("resolutionCode"), fields(badCode));

        t = service.transition(INA, key, new TransitionRequest("resolved", version, "fixed"));
        assertEquals("fixed", t.resolutionCode());
        assertEquals(0, service.closeDue(clock.now.plus(Duration.ofDays(4)), 10), "not due before five days");
        assertEquals(1, service.closeDue(clock.now.plus(Duration.ofDays(5)), 10));
        Ticket closed = service.get(ANNA, key);
        assertEquals("closed", closed.status());
        assertEquals("fixed", closed.resolutionCode(), "closing keeps how it was resolved");
        assertEquals("system", service.history(INA, key).get(service.history(INA, key).size() - 1).actor());
        assertEquals(0, service.closeDue(clock.now.plus(Duration.ofDays(30)), 10), "closed once");

        ConflictException refused = assertThrows(ConflictException.class, () -> service.comment(ANNA, key, new NewComment("Still broken", false)));
        assertEquals(closed.version(), refused.currentVersion());
    }

    @Test
    void requesterCommentOnResolvedTicketReopensAndStopsAutoClose() {
        Ticket t = incident();
        t = service.transition(INA, t.key(), new TransitionRequest("resolved", t.version(), "workaround"));
        service.comment(INA, t.key(), new NewComment("Please try again", false));
        assertEquals("resolved", service.get(ANNA, t.key()).status(), "an agent's comment does not reopen");

        service.comment(ANNA, t.key(), new NewComment("It happened again this morning", false));
        Ticket reopened = service.get(ANNA, t.key());
        assertEquals("in-progress", reopened.status());
        assertNull(reopened.resolutionCode(), "a reopened ticket is no longer resolved");
        assertEquals(0, service.closeDue(clock.now.plus(Duration.ofDays(30)), 10));
    }

    @Test
    void ownWorkflowChecksRolesGuardsAndRunsSetActions() {
        Ticket t = service.create(ANNA, new NewTicket("it.access", "ERP access", null, null, null, Map.of("system", "erp")));
        assertEquals("requested", t.status());
        String key = t.key();
        assertThrows(ForbiddenException.class, () -> service.transition(INA, key, "granting", null),
                "an agent without the role may not take a role's step");
        Caller officer = Caller.of("sam", "agent-it", "security-officer");
        t = service.transition(officer, key, "granting", null);
        assertEquals(false, t.fields().get("audited"), "entering granting sets the field");

        Transition granted = service.transitions(INA, key).stream().filter(s -> s.to().equals("granted")).findFirst().orElseThrow();
        assertTrue(granted.resolutionCodeRequired());
        assertEquals(List.of("fields.grantedBy"), granted.blockedBy().stream().map(FieldError::field).toList());
        ValidationException guard = assertThrows(ValidationException.class,
                () -> service.transition(INA, key, new TransitionRequest("granted", null, "granted")));
        assertEquals(List.of("fields.grantedBy"), fields(guard));

        t = service.update(INA, key, new TicketUpdate(t.version(), null, null, null, null, null, Map.of("grantedBy", "ina")));
        t = service.transition(INA, key, new TransitionRequest("granted", t.version(), "granted"));
        assertEquals("granted", t.status());
        assertEquals(0, service.closeDue(clock.now.plus(Duration.ofMinutes(119)), 10));
        assertEquals(1, service.closeDue(clock.now.plus(Duration.ofHours(2)), 10));

        service.comment(ANNA, key, new NewComment("I need write access too", false));
        assertEquals("granting", service.get(ANNA, key).status(), "this type reopens on a comment after closing");
    }

    @Test
    void fieldRulesLockFieldsByCategoryAndParty() {
        Ticket t = service.create(ANNA, new NewTicket("it.access", "ERP access", null, null, null, Map.of("system", "erp")));
        String key = t.key();
        long v = t.version();
        LockedFieldException summary = assertThrows(LockedFieldException.class,
                () -> service.update(ANNA, key, new TicketUpdate(v, "Changed", null, null, null, null, null)));
        assertEquals(List.of("summary"), fields(summary));
        assertEquals(403, summary.status());
        t = service.update(ANNA, key, new TicketUpdate(v, null, null, null, null, null, Map.of("system", "crm")));
        assertEquals("crm", t.fields().get("system"));

        t = service.transition(Caller.of("sam", "agent-it", "security-officer"), key, "granting", t.version());
        long v2 = t.version();
        LockedFieldException afterTriage = assertThrows(LockedFieldException.class,
                () -> service.update(ANNA, key, new TicketUpdate(v2, null, null, null, null, null, Map.of("system", "hr"))));
        assertTrue(afterTriage.errors().get(0).reason().contains("in-progress"), afterTriage.errors().get(0).reason());
        assertEquals("crm", service.get(ANNA, key).fields().get("system"), "a refused change changes nothing");
        t = service.update(INA, key, new TicketUpdate(v2, null, null, null, null, null, Map.of("system", "hr")));
        assertEquals("hr", t.fields().get("system"));
    }

    @Test
    void byDefaultNothingButCommentsChangesOnceResolved() {
        Ticket t = incident();
        t = service.transition(INA, t.key(), new TransitionRequest("resolved", t.version(), "fixed"));
        String key = t.key();
        long v = t.version();
        LockedFieldException locked = assertThrows(LockedFieldException.class, () -> service.update(INA, key,
                new TicketUpdate(v, null, null, "high", null, null, Map.of("details", "more"))));
        assertEquals(List.of("impact", "fields.details"), fields(locked));
        assertTrue(locked.errors().get(0).reason().contains("only comments"), locked.errors().get(0).reason());
        service.comment(INA, key, new NewComment("Root cause: expired certificate", true));
    }

    @Test
    void unknownTargetStatesAndStepsAreNamed() {
        Ticket t = incident();
        String key = t.key();
        ValidationException unknown = assertThrows(ValidationException.class, () -> service.transition(INA, key, "done", null));
        assertEquals(List.of("to"), fields(unknown));
        assertThrows(ConflictException.class, () -> service.transition(INA, key, "waiting-for-supplier", null),
                "no step from new to waiting-for-supplier");
        ValidationException badFilter = assertThrows(ValidationException.class, () -> service.list(INA,
                new org.atrium.api.ticket.TicketQuery(null, "nonsense", null, null, 10, null)));
        assertEquals(List.of("status"), fields(badFilter));
        assertEquals(1, service.list(INA, new org.atrium.api.ticket.TicketQuery(null, "new", null, null, 10, null)).items().size());
    }
}
