package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.atrium.api.LockedFieldException;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Routing, assignment groups and the queue's filters, sorts and paging, on Derby and on PostgreSQL. */
class TicketQueueTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller CARL = Caller.of("carl", "agent-it");
    static final Caller DORA = Caller.of("dora", "agent-it");

    /** Incidents routed by service: vpn to network, erp to a group IT has not configured, the rest to service-desk. */
    static final String ROUTED_INCIDENT = """
            {
              "key": "it.incident", "department": "it", "category": "incident", "keyPrefix": "IT", "schemaVersion": 1,
              "names": {"de": "Störung", "en": "Incident"},
              "fields": [{"name": "affectedService", "type": "choice", "required": true,
                          "labels": {"de": "Dienst", "en": "Service"}, "options": ["email", "vpn", "erp"]}],
              "routing": [
                {"when": {"field": "affectedService", "in": ["vpn"]}, "group": "network"},
                {"when": {"field": "affectedService", "in": ["erp"]}, "group": "erp-team"},
                {"group": "service-desk"}
              ]
            }
            """;

    private static final String DORA_ROW = "dora,Dora Agent,dora@example.com,en,it,,DE,DE-BE,employee;agent-it,true,,,";

    private static TicketServiceImpl service(TestDatabases databases) {
        TestPeople.store(databases.database(), TestPeople.CARL, DORA_ROW);
        RequestTypeCatalog catalog = TestCatalogs.catalog(ROUTED_INCIDENT, TestCatalogs.HR_QUESTION);
        AssignmentGroupsService groups = AssignmentGroupsService.of(Map.of(
                "it", Map.of("service-desk.name.en", "Service desk", "service-desk.name.de", "Service-Desk",
                        "service-desk.members", "carl",
                        "network.name.en", "Network", "network.name.de", "Netzwerk", "network.members", "carl, dora"),
                "hr", Map.of("hr-services.name.en", "HR services", "hr-services.members", "hanna")));
        return new TicketServiceImpl(databases.database(), catalog, new TicketServiceImplTest.TickingClock(), groups);
    }

    private static NewTicket incident(String service, String impact) {
        return new NewTicket("it.incident", "Broken " + service, null, impact, impact, Map.of("affectedService", service));
    }

    private static TicketQuery query(List<String> statuses, List<String> categories, String assignee, String group,
            boolean unassigned, String sort, int limit, String cursor) {
        return new TicketQuery("it", statuses, categories, assignee, null, group, unassigned, sort, limit, cursor);
    }

    private static List<String> keys(TicketPage page) {
        return page.items().stream().map(Ticket::key).toList();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void routesNewTicketsByTheirFormValues(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("routing", engine)) {
            TicketServiceImpl service = service(databases);
            assertEquals("network", service.create(ANNA, incident("vpn", "low")).assignmentGroup());
            assertEquals("service-desk", service.create(ANNA, incident("email", "low")).assignmentGroup());
            // a rule naming a group the department has not configured leaves the ticket without one
            assertNull(service.create(ANNA, incident("erp", "low")).assignmentGroup());
            // a type without routing: no group
            assertNull(service.create(ANNA, new NewTicket("hr.question", "Payslip", null, null, null, Map.of())).assignmentGroup());
            assertEquals("network", service.get(CARL, "IT-1").assignmentGroup(), "stored, not only answered");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void agentsMoveTicketsBetweenGroupsOfTheirMembers(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("groups", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket created = service.create(ANNA, incident("email", "low"));
            Ticket moved = service.update(CARL, created.key(), new TicketUpdate(created.version(), null, null, null, null, null, null, "network"));
            assertEquals("network", moved.assignmentGroup());
            assertTrue(service.history(CARL, created.key()).stream().anyMatch(h -> "assignmentGroup".equals(h.field())
                    && "service-desk".equals(h.before()) && "network".equals(h.after())));

            ValidationException unknown = assertThrows(ValidationException.class, () -> service.update(CARL, created.key(),
                    new TicketUpdate(moved.version(), null, null, null, null, null, null, "hr-services")));
            assertEquals(List.of("assignmentGroup"), fields(unknown), "another department's group is not this one's");

            Ticket dora = service.update(CARL, created.key(), new TicketUpdate(moved.version(), null, null, null, null, "dora", null));
            assertEquals("dora", dora.assignee());
            // dora is not in service-desk: moving her ticket there without a new assignee is refused
            ValidationException notMember = assertThrows(ValidationException.class, () -> service.update(CARL, created.key(),
                    new TicketUpdate(dora.version(), null, null, null, null, null, null, "service-desk")));
            assertEquals(List.of("assignmentGroup"), fields(notMember));
            assertTrue(notMember.errors().get(0).reason().contains("dora"), notMember.errors().get(0).reason());
            // ... and so is assigning her while the ticket is in service-desk
            Ticket both = service.update(CARL, created.key(), new TicketUpdate(dora.version(), null, null, null, null, "me", null, "service-desk"));
            assertEquals("carl", both.assignee());
            assertEquals("service-desk", both.assignmentGroup());
            ValidationException assigneeNotMember = assertThrows(ValidationException.class, () -> service.update(CARL, created.key(),
                    new TicketUpdate(both.version(), null, null, null, null, "dora", null)));
            assertEquals(List.of("assignee"), fields(assigneeNotMember));
            assertEquals(both.version(), service.get(CARL, created.key()).version(), "refusals change nothing");

            // the group is a field rule: the requester may not move the ticket
            assertThrows(LockedFieldException.class, () -> service.update(ANNA, created.key(),
                    new TicketUpdate(both.version(), null, null, null, null, null, null, "network")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filtersTheQueue(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("filters", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket vpn = service.create(ANNA, incident("vpn", "low"));        // IT-1 network
            Ticket mail = service.create(ANNA, incident("email", "high"));    // IT-2 service-desk
            Ticket phone = service.create(ANNA, incident("vpn", "medium"));   // IT-3 network
            service.transition(CARL, mail.key(), new TransitionRequest("in-progress", null, null));
            service.update(CARL, phone.key(), new TicketUpdate(phone.version(), null, null, null, null, "dora", null));
            service.transition(DORA, phone.key(), new TransitionRequest("in-progress", null, null));
            service.transition(DORA, phone.key(), new TransitionRequest("waiting-for-requester", null, null));

            assertEquals(List.of("IT-2", "IT-3", "IT-1"), keys(service.list(CARL, query(null, null, null, null, false, null, 50, null))));
            assertEquals(List.of("IT-2", "IT-1"), keys(service.list(CARL,
                    query(List.of("new", "in-progress"), null, null, null, false, null, 50, null))), "several statuses");
            assertEquals(List.of("IT-3"), keys(service.list(CARL, query(null, List.of("pending"), null, null, false, null, 50, null))));
            assertEquals(List.of("IT-2", "IT-3"), keys(service.list(CARL,
                    query(null, List.of("pending", "in-progress"), null, null, false, null, 50, null))), "several categories");
            assertEquals(List.of("IT-2", "IT-1"), keys(service.list(CARL, query(null, null, null, null, true, null, 50, null))));
            assertEquals(List.of("IT-3"), keys(service.list(DORA, query(null, null, "me", null, false, null, 50, null))));
            assertEquals(List.of("IT-3", "IT-1"), keys(service.list(CARL, query(null, null, null, "network", false, null, 50, null))));
            assertEquals(List.of("IT-1"), keys(service.list(CARL, query(List.of("new"), null, null, "network", true, null, 50, null))));
            assertEquals(List.of("IT-3", "IT-1"), keys(service.list(ANNA, new TicketQuery(null, List.of(), List.of(), null, null,
                    "network", false, null, 50, null))), "a requester's own tickets, by group");

            assertEquals(List.of("status"), fields(assertThrows(ValidationException.class, () -> service.list(CARL,
                    query(List.of("new", "nonsense"), null, null, null, false, null, 50, null)))));
            assertEquals(List.of("category"), fields(assertThrows(ValidationException.class, () -> service.list(CARL,
                    query(null, List.of("waiting"), null, null, false, null, 50, null)))));
            assertEquals(List.of("group"), fields(assertThrows(ValidationException.class, () -> service.list(CARL,
                    query(null, null, null, "nobody", false, null, 50, null)))));
            assertEquals(List.of("sort"), fields(assertThrows(ValidationException.class, () -> service.list(CARL,
                    query(null, null, null, null, false, "age", 50, null)))));
            assertEquals(List.of("unassigned"), fields(assertThrows(ValidationException.class, () -> service.list(CARL,
                    query(null, null, "carl", null, true, null, 50, null)))));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pagesEverySortToTheEnd(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("sorts", engine)) {
            TicketServiceImpl service = service(databases);
            String[] impacts = {"low", "high", "medium", "high", "low", "medium", "high", "low"};
            for (int i = 0; i < impacts.length; i++) {
                service.create(ANNA, incident(i % 2 == 0 ? "vpn" : "email", impacts[i]));
            }
            service.transition(CARL, "IT-2", new TransitionRequest("in-progress", null, null));
            service.transition(CARL, "IT-5", new TransitionRequest("in-progress", null, null));
            // updates in another order than creation, so that "updated" differs from "created"
            for (String key : List.of("IT-5", "IT-2", "IT-7")) {
                Ticket ticket = service.get(CARL, key);
                service.update(CARL, key, new TicketUpdate(ticket.version(), "Changed " + key, null, null, null, null, null));
            }
            List<Ticket> all = service.list(CARL, query(null, null, null, null, false, null, 50, null)).items();
            Map<String, Comparator<Ticket>> orders = Map.of(
                    "priority", Comparator.comparing((Ticket t) -> t.priority().rank()).thenComparing(TicketQueueTest::number),
                    "created", Comparator.comparing(Ticket::createdAt).thenComparing(TicketQueueTest::number),
                    "updated", Comparator.comparing(Ticket::updatedAt).thenComparing(TicketQueueTest::number),
                    "sla", Comparator.comparing(Ticket::slaDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(TicketQueueTest::number));
            for (String sort : TicketQuery.SORTS) {
                Comparator<Ticket> ascending = orders.get(sort.replace("-", ""));
                List<String> expected = all.stream().sorted(sort.startsWith("-") ? ascending.reversed() : ascending).map(Ticket::key).toList();
                assertEquals(expected, pageThrough(service, query(null, null, null, null, false, sort, 3, null)), "sort=" + sort);
                assertEquals(expected.stream().filter(key -> List.of("IT-1", "IT-3", "IT-5", "IT-7").contains(key)).toList(),
                        pageThrough(service, query(null, null, null, "network", false, sort, 2, null)), "group, sort=" + sort);
            }
            assertEquals(all.stream().map(Ticket::key).toList(),
                    pageThrough(service, query(List.of("new", "in-progress"), null, null, null, false, null, 2, null)),
                    "several statuses merge into one order across pages");
            String byCreation = service.list(CARL, query(null, null, null, null, false, "created", 2, null)).nextCursor();
            assertEquals(List.of("cursor"), fields(assertThrows(ValidationException.class, () -> service.list(CARL,
                    query(null, null, null, null, false, "priority", 2, byCreation)))));
        }
    }

    private static long number(Ticket ticket) {
        return Long.parseLong(ticket.key().substring(ticket.key().indexOf('-') + 1));
    }

    private static List<String> pageThrough(TicketServiceImpl service, TicketQuery first) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TicketPage page = service.list(CARL, new TicketQuery(first.department(), first.statuses(), first.categories(),
                    first.assignee(), first.requester(), first.group(), first.unassigned(), first.sort(), first.limit(), cursor));
            assertTrue(page.items().size() <= first.limit());
            keys.addAll(keys(page));
            cursor = page.nextCursor();
            assertTrue(++pages < 20, "paging ends");
        } while (cursor != null);
        return keys;
    }
}
