package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.Link;
import org.atrium.api.ticket.LinkedMove;
import org.atrium.api.ticket.NewLink;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.Transition;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links between tickets: both sides, both histories, visibility, tree rules, guards and moving along. */
class TicketLinksTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller BOB = Caller.of("bob");
    static final Caller INA = Caller.of("ina", "agent-it");
    static final Caller HANNA = Caller.of("hanna", "agent-hr");

    static final String PROBLEM = """
            {"key": "it.problem", "department": "it", "category": "problem", "keyPrefix": "PRB", "schemaVersion": 1,
             "names": {"de": "Problem", "en": "Problem"}}
            """;
    static final String ONBOARDING = """
            {"key": "hr.onboarding", "department": "hr", "category": "service-request", "keyPrefix": "HR", "schemaVersion": 1,
             "names": {"de": "Eintritt", "en": "Onboarding"}}
            """;
    static final String TASK = """
            {"key": "it.task", "department": "it", "category": "task", "keyPrefix": "TSK", "schemaVersion": 1,
             "names": {"de": "Aufgabe", "en": "Task"}}
            """;

    private static TestDatabases databases;
    private static RequestTypeCatalog catalog;
    private TicketServiceImpl service;

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("links");
        catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT, TestCatalogs.HR_CASE, PROBLEM, ONBOARDING, TASK);
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        service = new TicketServiceImpl(databases.database(), catalog, new TicketServiceImplTest.TickingClock());
    }

    private Ticket incident(Caller who, String summary) {
        return service.create(who, new NewTicket("it.incident", summary, null, null, null, Map.of("affectedService", "vpn")));
    }

    private static List<String> sides(List<Link> links) {
        return links.stream().map(link -> link.type() + " " + link.key()).toList();
    }

    @Test
    void aProblemWithTwoLinkedIncidentsIsResolvedTogether() {
        Ticket first = incident(ANNA, "VPN drops");
        Ticket second = incident(BOB, "VPN slow");
        Ticket problem = service.create(INA, new NewTicket("it.problem", "VPN gateway overloaded", null, null, null, Map.of()));
        service.link(INA, first.key(), new NewLink("caused-by", problem.key()));
        service.link(INA, problem.key(), new NewLink("causes", second.key()));
        assertEquals(List.of("causes IT-1", "causes IT-2"), sides(service.links(INA, problem.key())));
        assertEquals(List.of("caused-by PRB-1"), sides(service.links(INA, first.key())));
        assertEquals(List.of(), service.links(ANNA, first.key()), "anna may not see IT's problem record");
        assertTrue(service.history(ANNA, first.key()).stream().anyMatch(h -> h.action().equals("linked") && h.after().equals("PRB-1")));
        assertTrue(service.history(INA, problem.key()).stream().anyMatch(h -> h.action().equals("linked") && h.after().equals("IT-2")));

        service.transition(INA, problem.key(), "in-progress", null);
        Transition resolve = service.transitions(INA, problem.key()).stream().filter(t -> t.to().equals("resolved")).findFirst().orElseThrow();
        assertEquals(List.of("IT-1", "IT-2"), resolve.linked().stream().map(Transition.LinkedOffer::key).toList(),
                "resolving the problem offers its open incidents");
        assertEquals("resolved", resolve.linked().get(0).to());

        Ticket resolved = service.transition(INA, problem.key(), new TransitionRequest("resolved", null, "root-cause-fixed",
                List.of(new LinkedMove("IT-1", "resolved", "fixed"), new LinkedMove("IT-2", "resolved", "workaround"))));
        assertEquals("resolved", resolved.status());
        assertEquals("fixed", service.get(ANNA, "IT-1").resolutionCode());
        assertEquals("workaround", service.get(BOB, "IT-2").resolutionCode());
    }

    @Test
    void aLinkedMoveIsCheckedLikeItsOwnTransitionAndFailsTheWhole() {
        Ticket incident = incident(ANNA, "VPN drops");
        Ticket problem = service.create(INA, new NewTicket("it.problem", "Gateway", null, null, null, Map.of()));
        Ticket unrelated = incident(ANNA, "Printer");
        service.link(INA, incident.key(), new NewLink("caused-by", problem.key()));
        service.transition(INA, problem.key(), "in-progress", null);
        ValidationException noCode = assertThrows(ValidationException.class, () -> service.transition(INA, problem.key(),
                new TransitionRequest("resolved", null, "root-cause-fixed", List.of(new LinkedMove(incident.key(), "resolved", null)))));
        assertEquals(List.of("linked[0].resolutionCode"), noCode.errors().stream().map(FieldError::field).toList());
        ValidationException notLinked = assertThrows(ValidationException.class, () -> service.transition(INA, problem.key(),
                new TransitionRequest("resolved", null, "root-cause-fixed", List.of(new LinkedMove(unrelated.key(), "resolved", "fixed")))));
        assertEquals("linked[0].key", notLinked.errors().get(0).field());
        assertEquals("in-progress", service.get(INA, problem.key()).status(), "the problem did not move either");
    }

    @Test
    void parentsAndChildren() {
        Ticket parent = incident(ANNA, "Office network down");
        Ticket child = service.create(INA, new NewTicket("it.task", "Replace switch", null, null, null, Map.of()));
        Ticket grandchild = service.create(INA, new NewTicket("it.task", "Order switch", null, null, null, Map.of()));
        service.link(INA, parent.key(), new NewLink("child", child.key()));
        service.link(INA, child.key(), new NewLink("child", grandchild.key()));
        assertEquals(List.of("parent IT-1", "child TSK-2"), sides(service.links(INA, child.key())));
        ValidationException cycle = assertThrows(ValidationException.class,
                () -> service.link(INA, grandchild.key(), new NewLink("child", parent.key())));
        assertEquals("key", cycle.errors().get(0).field());
        Ticket other = incident(ANNA, "Other");
        assertThrows(ConflictException.class, () -> service.link(INA, other.key(), new NewLink("child", child.key())), "one parent only");

        Transition resolve = service.transitions(INA, parent.key()).stream().filter(t -> t.to().equals("resolved")).findFirst().orElseThrow();
        assertTrue(resolve.blockedBy().isEmpty(), "an incident's resolution does not wait for its children");
        service.unlink(INA, child.key(), "parent", parent.key());
        assertEquals(List.of("child TSK-2"), sides(service.links(INA, child.key())));
        List<HistoryEntry> history = service.history(INA, parent.key());
        assertEquals("unlinked", history.get(history.size() - 1).action());
        assertEquals("child", history.get(history.size() - 1).field());
        assertThrows(NotFoundException.class, () -> service.unlink(INA, child.key(), "parent", parent.key()));
    }

    @Test
    void aServiceRequestWaitsForItsChildren() {
        Ticket parent = service.create(ANNA, new NewTicket("hr.onboarding", "New colleague", null, null, null, Map.of()));
        Ticket task = service.create(Caller.of("hanna", "agent-hr", "agent-it"), new NewTicket("it.task", "Laptop", null, null, null, Map.of()));
        Caller both = Caller.of("hanna", "agent-hr", "agent-it");
        service.link(both, parent.key(), new NewLink("child", task.key()));
        Transition fulfil = service.transitions(both, parent.key()).stream().filter(t -> t.to().equals("resolved")).findFirst().orElseThrow();
        assertEquals(List.of("children"), fulfil.blockedBy().stream().map(FieldError::field).toList());
        ValidationException blocked = assertThrows(ValidationException.class,
                () -> service.transition(both, parent.key(), new TransitionRequest("resolved", null, "fulfilled")));
        assertTrue(blocked.errors().get(0).reason().contains(task.key()), blocked.getMessage());
        service.transition(both, task.key(), new TransitionRequest("resolved", null, "done"));
        assertEquals("resolved", service.transition(both, parent.key(), new TransitionRequest("resolved", null, "fulfilled")).status());
    }

    @Test
    void linksToTicketsTheCallerMayNotSeeStayHidden() {
        Ticket mine = incident(ANNA, "VPN drops");
        Ticket theirs = incident(BOB, "VPN slow");
        service.link(INA, mine.key(), new NewLink("relates-to", theirs.key()));
        assertEquals(List.of("relates-to IT-2"), sides(service.links(INA, mine.key())));
        assertEquals(List.of(), service.links(ANNA, mine.key()), "anna may not see bob's ticket, nor the link to it");
        assertThrows(ForbiddenException.class, () -> service.link(ANNA, mine.key(), new NewLink("relates-to", theirs.key())),
                "linking is the agents' work");
        Ticket hr = service.create(ANNA, new NewTicket("hr.case", "Confidential", null, null, null, Map.of()));
        ValidationException hidden = assertThrows(ValidationException.class, () -> service.link(INA, mine.key(), new NewLink("relates-to", hr.key())));
        assertEquals("key", hidden.errors().get(0).field(), "a confidential ticket is not found for IT");
        Ticket third = incident(BOB, "VPN gone");
        assertThrows(ValidationException.class, () -> service.link(INA, mine.key(), new NewLink("caused-by", third.key())),
                "only problems cause tickets");
        assertThrows(ValidationException.class, () -> service.link(INA, mine.key(), new NewLink("sibling", theirs.key())));
        assertThrows(ValidationException.class, () -> service.link(INA, mine.key(), new NewLink("relates-to", mine.key())));
    }
}
