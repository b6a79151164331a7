package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.LockedFieldException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RefusedDescriptor;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Comment;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.Level;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.Transition;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.atrium.core.internal.directory.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket engine on the real persistence unit (EclipseLink) and an in-memory Derby, outside OSGi. */
class TicketServiceImplTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller BOB = Caller.of("bob");
    static final Caller CARL_IT = Caller.of("carl", "agent-it");
    static final Caller HELGA_HR = Caller.of("helga", "agent-hr");
    static final Caller HELGA_IT = Caller.of("helga", "agent-it");
    static final Caller ROOT = Caller.of("root", Caller.ADMIN);
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static TestDatabases databases;
    private static RequestTypeCatalog catalog;
    private TicketServiceImpl service;
    private TickingClock clock;

    /** Advances one second each time it is read, so that every change has its own instant. */
    static final class TickingClock extends Clock {
        private final AtomicLong reads = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this; // the forms' "today" is read in UTC in these tests
        }

        @Override
        public Instant instant() {
            return START.plusSeconds(reads.getAndIncrement());
        }

        Instant last() {
            return START.plusSeconds(reads.get() - 1);
        }
    }

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("tickets");
        catalog = TestCatalogs.catalog(TestCatalogs.IT_INCIDENT, TestCatalogs.HR_CASE, TestCatalogs.HR_QUESTION);
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    /** An empty database and a new service, whose key counters start from what is stored: nothing. */
    @BeforeEach
    void fresh() {
        databases.clear();
        TestPeople.store(databases.database(), TestPeople.CARL);
        clock = new TickingClock();
        service = new TicketServiceImpl(databases.database(), catalog, clock);
    }

    static NewTicket incident(String summary, String impact, String urgency) {
        return new NewTicket("it.incident", summary, "It does not work", impact, urgency, Map.of("affectedService", "email"));
    }

    static NewTicket incident(String summary) {
        return incident(summary, null, null);
    }

    private static List<String> keys(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::key).toList();
    }

    private List<String> listAll(Caller caller) {
        return keys(service.list(caller, TicketQuery.all()).items());
    }

    private static List<String> fieldsOf(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    // ---------------------------------------------------------------- create

    @Test
    void createAssignsSequentialKeysPerPrefix() {
        Ticket first = service.create(ANNA, incident("Mail is down"));
        Ticket second = service.create(BOB, incident("VPN is down"));
        Ticket hr = service.create(ANNA, new NewTicket("hr.question", "Holidays?", null, null, null, null));

        assertEquals("IT-1", first.key());
        assertEquals("IT-2", second.key());
        assertEquals("HR-1", hr.key());
        assertEquals(3, databases.count("ticket"));
    }

    @Test
    void createStoresWhatWasAskedFor() {
        Map<String, Object> fields = Map.of("affectedService", "vpn", "users", 12, "since", "2026-03-01", "onsite", true,
                "details", "since the update");
        Ticket created = service.create(ANNA, new NewTicket("it.incident", "  VPN drops  ", "Every 5 minutes",
                "HIGH", "Low", fields));

        assertEquals("it.incident", created.type());
        assertEquals(1, created.typeVersion());
        assertEquals("it", created.department());
        assertEquals("VPN drops", created.summary(), "summary is stripped");
        assertEquals("Every 5 minutes", created.description());
        assertEquals("anna", created.requester());
        assertNull(created.assignee());
        assertEquals("new", created.status());
        assertEquals("high", created.impact(), "levels are stored normalised");
        assertEquals("low", created.urgency());
        assertEquals(Priority.P3, created.priority());
        assertFalse(created.confidential());
        assertEquals(fields, created.fields());
        assertEquals(START, created.createdAt());
        assertEquals(START, created.updatedAt());
        assertEquals(1, created.version());

        Ticket read = service.get(ANNA, "IT-1");
        assertEquals(created, read, "what create returns is what is stored");
    }

    @Test
    void priorityFollowsTheMatrix() {
        for (Level impact : Level.values()) {
            for (Level urgency : Level.values()) {
                Ticket ticket = service.create(ANNA, incident(impact + "/" + urgency, impact.json(), urgency.json()));
                assertEquals(Priority.of(impact, urgency), ticket.priority(), ticket.summary());
                assertEquals(Priority.of(impact, urgency), service.get(CARL_IT, ticket.key()).priority());
            }
        }
        assertEquals(Priority.P1, service.get(CARL_IT, "IT-1").priority()); // high/high
        assertEquals(Priority.P4, service.get(CARL_IT, "IT-9").priority()); // low/low
    }

    @Test
    void impactAndUrgencyDefaultToMedium() {
        Ticket ticket = service.create(ANNA, incident("No levels given"));
        assertEquals("medium", ticket.impact());
        assertEquals("medium", ticket.urgency());
        assertEquals(Priority.P3, ticket.priority());
    }

    @Test
    void confidentialityComesFromTheType() {
        assertTrue(service.create(ANNA, new NewTicket("hr.case", "Conflict with my boss", null, null, null, null)).confidential());
        assertFalse(service.create(ANNA, new NewTicket("hr.question", "Holidays?", null, null, null, null)).confidential());
    }

    @Test
    void validationListsEveryBadFieldAndStoresNothing() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("users", "many");
        fields.put("since", "yesterday");
        fields.put("colour", "red");
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA, new NewTicket(
                "it.incident", " ", "x".repeat(TicketInput.MAX_DESCRIPTION + 1), "urgent", "now", fields)));

        Set<String> bad = new HashSet<>(fieldsOf(e));
        assertEquals(Set.of("summary", "description", "impact", "urgency",
                "fields.affectedService", "fields.users", "fields.since", "fields.colour"), bad);
        assertEquals(8, e.errors().size(), e.errors().toString());

        assertEquals(List.of(), listAll(ROOT));
        assertEquals(List.of(), listAll(CARL_IT));
        assertEquals(0, databases.count("ticket"));
        assertEquals(0, databases.count("ticket_history"));

        // a refused ticket does not use up a key
        assertEquals("IT-1", service.create(ANNA, incident("Now properly")).key());
    }

    @Test
    void unknownOrMissingTypeIsAFieldError() {
        ValidationException unknown = assertThrows(ValidationException.class, () -> service.create(ANNA,
                new NewTicket("it.nothing", "Summary", null, null, null, Map.of("anything", 1))));
        assertEquals(List.of("type"), fieldsOf(unknown));
        assertTrue(unknown.errors().get(0).reason().contains("catalog"));

        ValidationException missing = assertThrows(ValidationException.class, () -> service.create(ANNA,
                new NewTicket(null, null, null, null, null, null)));
        assertEquals(List.of("type", "summary"), fieldsOf(missing));
        assertEquals(0, databases.count("ticket"));
    }

    @Test
    void summaryLongerThanTheColumnIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(ANNA, incident("x".repeat(TicketInput.MAX_SUMMARY + 1))));
        assertEquals(List.of("summary"), fieldsOf(e));
        assertEquals("IT-1", service.create(ANNA, incident("x".repeat(TicketInput.MAX_SUMMARY))).key());
    }

    @Test
    void formValuesThatOverflowTheColumnAsJsonAreRefusedNotAServerError() {
        // each field is within its limit, but control characters grow six-fold when written as JSON
        NewTicket escaped = new NewTicket("it.incident", "Odd log", null, null, null,
                Map.of("affectedService", "email", "details", "\u0001".repeat(4000)));
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA, escaped));
        assertEquals(List.of("fields"), fieldsOf(e));
        assertEquals(List.of(), listAll(ROOT));
    }

    @Test
    void newServiceContinuesNumberingFromTheDatabase() {
        service.create(ANNA, incident("one"));
        service.create(ANNA, incident("two"));
        service.create(ANNA, incident("three"));
        TicketServiceImpl restarted = new TicketServiceImpl(databases.database(), catalog, clock);
        assertEquals("IT-4", restarted.create(ANNA, incident("four")).key());
        assertEquals("HR-1", restarted.create(ANNA, new NewTicket("hr.question", "q", null, null, null, null)).key());
    }

    @Test
    void ticketsOutliveTheirType() {
        service.create(ANNA, incident("Before the bundle stopped"));
        RequestTypeCatalog empty = TestCatalogs.catalog();
        TicketServiceImpl withoutTypes = new TicketServiceImpl(databases.database(), empty, clock);
        Ticket ticket = withoutTypes.get(CARL_IT, "IT-1");
        assertEquals("it.incident", ticket.type());
        // updates are checked against the form of the version the ticket pins, kept in the database
        Ticket updated = withoutTypes.update(CARL_IT, "IT-1", new TicketUpdate(ticket.version(), null, null, null, null, null,
                Map.of("affectedService", "vpn", "users", 3)));
        assertEquals("vpn", updated.fields().get("affectedService"));
        assertEquals(3, updated.fields().get("users"));
        ValidationException e = assertThrows(ValidationException.class, () -> withoutTypes.update(CARL_IT, "IT-1",
                new TicketUpdate(updated.version(), null, null, null, null, null, Map.of("users", "many", "bogus", 1))));
        assertEquals(List.of("fields.bogus", "fields.users"), fieldsOf(e).stream().sorted().toList());
        ValidationException gone = assertThrows(ValidationException.class, () -> withoutTypes.create(ANNA, incident("After")));
        assertEquals(List.of("type"), fieldsOf(gone));
    }

    // ---------------------------------------------------------------- visibility

    /** anna: IT-1, HR-1 (confidential case), HR-2 (question); bob: IT-2. */
    private void someTicketsOfAnnaAndBob() {
        assertEquals("IT-1", service.create(ANNA, incident("Anna's laptop")).key());
        assertEquals("HR-1", service.create(ANNA, new NewTicket("hr.case", "Anna's case", null, null, null, null)).key());
        assertEquals("HR-2", service.create(ANNA, new NewTicket("hr.question", "Anna's question", null, null, null, null)).key());
        assertEquals("IT-2", service.create(BOB, incident("Bob's printer")).key());
    }

    @Test
    void employeeSeesOwnTicketsOnly() {
        someTicketsOfAnnaAndBob();
        assertEquals(Set.of("IT-1", "HR-1", "HR-2"), Set.copyOf(listAll(ANNA)));
        assertEquals(List.of("IT-2"), listAll(BOB));
        assertEquals("Anna's case", service.get(ANNA, "HR-1").summary());
        assertThrows(ForbiddenException.class, () -> service.get(ANNA, "IT-2"));
        assertThrows(ForbiddenException.class, () -> service.get(BOB, "IT-1"));
        assertThrows(ForbiddenException.class, () -> service.get(BOB, "HR-2"));
        assertThrows(NotFoundException.class, () -> service.get(BOB, "HR-1"), "a confidential ticket is not disclosed");
        assertThrows(NotFoundException.class, () -> service.get(ANNA, "IT-99"));
        assertEquals(List.of(), listAll(Caller.of("nobody")));
    }

    @Test
    void agentSeesTheDepartment() {
        someTicketsOfAnnaAndBob();
        assertEquals(Set.of("IT-1", "IT-2"), Set.copyOf(listAll(CARL_IT)));
        assertEquals(Set.of("IT-1", "IT-2"), Set.copyOf(keys(service.list(CARL_IT,
                new TicketQuery("it", null, null, null, 50, null)).items())));
        assertEquals(List.of(), keys(service.list(CARL_IT, new TicketQuery("hr", null, null, null, 50, null)).items()));
        service.get(CARL_IT, "IT-2");
        assertThrows(ForbiddenException.class, () -> service.get(CARL_IT, "HR-2"));
        assertThrows(NotFoundException.class, () -> service.get(CARL_IT, "HR-1"));

        assertEquals(Set.of("HR-1", "HR-2"), Set.copyOf(listAll(HELGA_HR)));
        assertEquals("Anna's case", service.get(HELGA_HR, "HR-1").summary());
        assertThrows(ForbiddenException.class, () -> service.get(HELGA_HR, "IT-1"));
    }

    @Test
    void adminSeesEverythingButConfidentialTickets() {
        someTicketsOfAnnaAndBob();
        assertEquals(Set.of("IT-1", "IT-2", "HR-2"), Set.copyOf(listAll(ROOT)));
        assertEquals("Anna's question", service.get(ROOT, "HR-2").summary());
        assertThrows(NotFoundException.class, () -> service.get(ROOT, "HR-1"));
        assertEquals(List.of("HR-2"), keys(service.list(ROOT, new TicketQuery("hr", null, null, null, 50, null)).items()));
    }

    @Test
    void agentOfTwoDepartmentsAndAdminWhoIsAlsoRequester() {
        someTicketsOfAnnaAndBob();
        Caller both = Caller.of("dora", "agent-it", "agent-hr");
        assertEquals(Set.of("IT-1", "IT-2", "HR-1", "HR-2"), Set.copyOf(listAll(both)));
        Caller adminAnna = Caller.of("anna", Caller.ADMIN);
        assertEquals(Set.of("IT-1", "IT-2", "HR-1", "HR-2"), Set.copyOf(listAll(adminAnna)),
                "an admin still sees her own confidential ticket");
    }

    @Test
    void listFilters() {
        someTicketsOfAnnaAndBob();
        Ticket it1 = service.get(CARL_IT, "IT-1");
        service.update(CARL_IT, "IT-1", new TicketUpdate(it1.version(), null, null, null, null, "carl", null));
        service.transition(CARL_IT, "IT-2", "in-progress", null);

        assertEquals(List.of("IT-2"), keys(service.list(CARL_IT, new TicketQuery(null, "in-progress", null, null, 50, null)).items()));
        assertEquals(List.of("IT-1"), keys(service.list(CARL_IT, new TicketQuery(null, null, "carl", null, 50, null)).items()));
        assertEquals(List.of("IT-2"), keys(service.list(CARL_IT, new TicketQuery("it", null, null, "bob", 50, null)).items()));
        assertEquals(List.of("IT-1"), keys(service.list(ANNA, new TicketQuery("it", null, null, null, 50, null)).items()),
                "anna filtering on IT sees her own IT ticket only");
    }

    @Test
    void listRefusesBadQueries() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(CARL_IT, new TicketQuery(null, "open", null, null, 0, "garbage!")));
        assertEquals(List.of("limit", "status", "cursor"), fieldsOf(e));
        assertThrows(ValidationException.class, () -> service.list(CARL_IT,
                new TicketQuery(null, null, null, null, TicketQuery.MAX_LIMIT + 1, null)));
        assertEquals(0, service.list(CARL_IT, new TicketQuery(null, null, null, null, TicketQuery.MAX_LIMIT, null)).items().size());
    }

    // ---------------------------------------------------------------- paging

    @Test
    void pagingMergesEveryWayACallerMaySeeTickets() {
        // helga works HR and requested IT tickets herself; each way of seeing is its own query
        Caller helga = Caller.of("helga", "agent-hr", Caller.ADMIN);
        List<String> expectedOrder = new ArrayList<>();
        service.create(helga, incident("own, P4", "low", "low"));
        service.create(ANNA, new NewTicket("hr.case", "HR case, P1", null, "high", "high", null));
        service.create(ANNA, incident("seen as admin, P2", "high", "medium"));
        service.create(helga, incident("own, P1", "high", "high"));
        service.create(ANNA, new NewTicket("hr.question", "HR question, P3", null, "medium", "medium", null));
        service.create(BOB, incident("seen as admin, P4", "low", "medium"));
        expectedOrder.addAll(List.of("HR-1", "IT-3", "IT-2", "HR-2", "IT-1", "IT-4"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TicketPage page = service.list(helga, new TicketQuery(null, null, null, null, 2, cursor));
            assertTrue(page.items().size() <= 2);
            seen.addAll(keys(page.items()));
            cursor = page.nextCursor();
            assertTrue(++pages <= 4, "paging does not end");
        } while (cursor != null);
        assertEquals(expectedOrder, seen);
    }

    @Test
    void cursorPagingReturnsEveryTicketOnceInQueueOrder() {
        String[][] levels = {{"low", "low"}, {"high", "high"}, {"medium", "medium"}, {"high", "medium"},
                {"low", "low"}, {"high", "high"}, {"medium", "low"}};
        List<Ticket> created = new ArrayList<>();
        for (String[] level : levels) {
            created.add(service.create(ANNA, incident("t", level[0], level[1])));
        }
        List<String> expected = created.stream()
                .sorted((a, b) -> a.priority() != b.priority() ? a.priority().compareTo(b.priority())
                        : Long.compare(Long.parseLong(a.key().substring(3)), Long.parseLong(b.key().substring(3))))
                .map(Ticket::key).toList();
        assertEquals(List.of("IT-2", "IT-6", "IT-4", "IT-3", "IT-1", "IT-5", "IT-7"), expected, "fixture sanity");

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TicketPage page = service.list(CARL_IT, new TicketQuery("it", null, null, null, 3, cursor));
            sizes.add(page.items().size());
            seen.addAll(keys(page.items()));
            cursor = page.nextCursor();
            assertTrue(++pages <= 3, "paging does not end");
        } while (cursor != null);

        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(expected, seen);

        // the same through the visibility query of the requester and of an admin
        assertEquals(expected, pageThrough(ANNA, 3));
        assertEquals(expected, pageThrough(ROOT, 2));
        assertEquals(expected, pageThrough(ROOT, 7));
    }

    @Test
    void lastFullPageHasNoCursor() {
        for (int i = 0; i < 6; i++) {
            service.create(ANNA, incident("t" + i));
        }
        TicketPage first = service.list(CARL_IT, new TicketQuery(null, null, null, null, 3, null));
        assertNotNull(first.nextCursor());
        TicketPage second = service.list(CARL_IT, new TicketQuery(null, null, null, null, 3, first.nextCursor()));
        assertEquals(List.of("IT-4", "IT-5", "IT-6"), keys(second.items()));
        assertNull(second.nextCursor(), "no empty page after the last one");
    }

    @Test
    void cursorSurvivesChangesBehindIt() {
        for (int i = 0; i < 4; i++) {
            service.create(ANNA, incident("t" + i));
        }
        TicketPage first = service.list(CARL_IT, new TicketQuery(null, null, null, null, 2, null));
        assertEquals(List.of("IT-1", "IT-2"), keys(first.items()));
        service.create(ANNA, incident("late"));
        TicketPage rest = service.list(CARL_IT, new TicketQuery(null, null, null, null, 10, first.nextCursor()));
        assertEquals(List.of("IT-3", "IT-4", "IT-5"), keys(rest.items()));
    }

    private List<String> pageThrough(Caller caller, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            TicketPage page = service.list(caller, new TicketQuery(null, null, null, null, limit, cursor));
            seen.addAll(keys(page.items()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }

    // ---------------------------------------------------------------- update

    @Test
    void updateChangesFieldsBumpsVersionAndRecomputesPriority() {
        Ticket created = service.create(ANNA, incident("Mail is down", "low", "low"));
        assertEquals(Priority.P4, created.priority());

        Ticket updated = service.update(CARL_IT, "IT-1", new TicketUpdate(created.version(), "Mail is down for all",
                null, "high", "HIGH", "carl", Map.of("users", 250)));
        assertEquals("Mail is down for all", updated.summary());
        assertEquals("high", updated.impact());
        assertEquals("high", updated.urgency());
        assertEquals(Priority.P1, updated.priority());
        assertEquals("carl", updated.assignee());
        assertEquals(Map.of("affectedService", "email", "users", 250), updated.fields());
        assertEquals(created.version() + 1, updated.version());
        assertTrue(updated.updatedAt().isAfter(created.updatedAt()));
        assertEquals(created.createdAt(), updated.createdAt());
        assertEquals(updated, service.get(CARL_IT, "IT-1"));
    }

    @Test
    void updateWithoutRealChangeKeepsVersion() {
        Ticket created = service.create(ANNA, incident("Same"));
        Ticket same = service.update(ANNA, "IT-1", new TicketUpdate(created.version(), "Same", null, "medium", null, null,
                Map.of("affectedService", "email")));
        assertEquals(created.version(), same.version());
        assertEquals(created.updatedAt(), same.updatedAt());
        assertEquals(1, service.history(ANNA, "IT-1").size());
    }

    @Test
    void staleUpdateIsAConflictCarryingTheCurrentVersion() {
        Ticket created = service.create(ANNA, incident("Mail is down"));
        Ticket first = service.update(CARL_IT, "IT-1", new TicketUpdate(created.version(), "Mail is down again", null,
                null, null, null, null));

        ConflictException e = assertThrows(ConflictException.class, () -> service.update(ANNA, "IT-1",
                new TicketUpdate(created.version(), "My stale edit", null, null, null, null, null)));
        assertEquals(first.version(), e.currentVersion());
        assertEquals("Mail is down again", service.get(ANNA, "IT-1").summary());
    }

    @Test
    void concurrentCommitDetectedAtFlushIsAConflictCarryingTheCurrentVersion() {
        Ticket created = service.create(ANNA, incident("Mail is down"));
        // the registry is consulted inside the update's transaction, after its version check:
        // let another agent commit a change to the same ticket right then
        AtomicLong interferences = new AtomicLong();
        RequestTypeRegistry racing = new RequestTypeRegistry() {
            @Override
            public List<RequestType> all() {
                return catalog.all();
            }

            @Override
            public Optional<RequestType> find(String key) {
                if (interferences.getAndIncrement() == 0) {
                    service.update(HELGA_IT, "IT-1", new TicketUpdate(created.version(), "Changed meanwhile", null, null, null, null, null));
                }
                return catalog.find(key);
            }

            @Override
            public List<RefusedDescriptor> refused() {
                return List.of();
            }
        };
        TicketServiceImpl slow = new TicketServiceImpl(databases.database(), racing, clock);

        ConflictException e = assertThrows(ConflictException.class, () -> slow.update(CARL_IT, "IT-1",
                new TicketUpdate(created.version(), null, null, null, null, null, Map.of("users", 5))));
        assertTrue(interferences.get() >= 1, "the other update came in between");
        assertEquals(created.version() + 1, e.currentVersion(), "the service looks the current version up for the client");
        Ticket stored = service.get(CARL_IT, "IT-1");
        assertEquals("Changed meanwhile", stored.summary());
        assertFalse(stored.fields().containsKey("users"), "the losing update left nothing behind");
        assertEquals(2, databases.count("ticket_history"));
    }

    @Test
    void updateNeedsAVersionAndValidInput() {
        service.create(ANNA, incident("Mail is down"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(CARL_IT, "IT-1",
                new TicketUpdate(null, " ", null, "huge", null, "", null)));
        assertEquals(List.of("version", "summary", "impact", "assignee"), fieldsOf(e));
    }

    @Test
    void badFormPatchRollsBackTheWholeUpdate() {
        Ticket created = service.create(ANNA, incident("Mail is down"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("affectedService", null); // required: may not be cleared
        patch.put("users", "lots");
        patch.put("colour", "red");
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(CARL_IT, "IT-1",
                new TicketUpdate(created.version(), "Changed summary", null, "high", null, null, patch)));
        assertEquals(Set.of("fields.affectedService", "fields.users", "fields.colour"), Set.copyOf(fieldsOf(e)));

        Ticket after = service.get(CARL_IT, "IT-1");
        assertEquals(created, after, "summary and impact changed in the same unit of work were rolled back");
        assertEquals(1, databases.count("ticket_history"));
    }

    @Test
    void requesterMayEditButNotAssignNorEditClosedTickets() {
        Ticket created = service.create(ANNA, incident("Mail is down"));
        Ticket edited = service.update(ANNA, "IT-1", new TicketUpdate(created.version(), null, "More details", null, null, null, null));
        assertEquals("More details", edited.description());

        LockedFieldException assign = assertThrows(LockedFieldException.class, () -> service.update(ANNA, "IT-1",
                new TicketUpdate(edited.version(), null, null, null, null, "anna", null)));
        assertEquals(List.of("assignee"), fieldsOf(assign));
        Ticket closed = service.transition(ANNA, "IT-1", "closed", null);
        LockedFieldException locked = assertThrows(LockedFieldException.class, () -> service.update(ANNA, "IT-1",
                new TicketUpdate(closed.version(), "Reworded", null, null, null, null, null)));
        assertEquals(List.of("summary"), fieldsOf(locked));
        assertThrows(ForbiddenException.class, () -> service.update(BOB, "IT-1",
                new TicketUpdate(closed.version(), "Not mine", null, null, null, null, null)));
        assertEquals("Mail is down", service.get(ANNA, "IT-1").summary());
    }

    @Test
    void adminMayNotTouchConfidentialTickets() {
        Ticket hr = service.create(ANNA, new NewTicket("hr.case", "Case", null, null, null, null));
        assertThrows(NotFoundException.class, () -> service.update(ROOT, "HR-1",
                new TicketUpdate(hr.version(), "Peek", null, null, null, null, null)));
        assertThrows(NotFoundException.class, () -> service.transition(ROOT, "HR-1", "closed", null));
        assertThrows(NotFoundException.class, () -> service.comments(ROOT, "HR-1"));
        assertThrows(NotFoundException.class, () -> service.history(ROOT, "HR-1"));
        assertThrows(NotFoundException.class, () -> service.comment(ROOT, "HR-1", new NewComment("hello", false)));
        assertEquals(0, databases.count("ticket_comment"));
    }

    // ---------------------------------------------------------------- transitions

    private static List<String> targets(List<Transition> transitions) {
        return transitions.stream().map(Transition::to).toList();
    }

    @Test
    void transitionsOfferedDependOnWhoAsks() {
        service.create(ANNA, incident("Mail is down"));
        assertEquals(List.of("in-progress", "resolved", "closed"), targets(service.transitions(CARL_IT, "IT-1")));
        assertEquals(List.of(), targets(service.transitions(ROOT, "IT-1")), "an administrator reads the ticket, agents work it");
        assertEquals(List.of("closed"), targets(service.transitions(ANNA, "IT-1")));
        assertEquals("Cancel", service.transitions(ANNA, "IT-1").get(0).name());
        assertThrows(ForbiddenException.class, () -> service.transitions(BOB, "IT-1"));
    }

    @Test
    void requesterCannotStartWork() {
        Ticket created = service.create(ANNA, incident("Mail is down"));
        assertThrows(ForbiddenException.class, () -> service.transition(ANNA, "IT-1", "in-progress", null));
        assertThrows(ForbiddenException.class, () -> service.transition(ANNA, "IT-1", new TransitionRequest("resolved", created.version(), "fixed")));
        Ticket unchanged = service.get(ANNA, "IT-1");
        assertEquals("new", unchanged.status());
        assertEquals(created.version(), unchanged.version());
    }

    @Test
    void fullLifecycle() {
        Ticket t = service.create(ANNA, incident("Mail is down"));
        t = service.transition(CARL_IT, "IT-1", "in-progress", t.version());
        assertEquals("in-progress", t.status());
        assertEquals(List.of(), targets(service.transitions(ANNA, "IT-1")));
        assertThrows(ForbiddenException.class, () -> service.transition(ANNA, "IT-1", "closed", null),
                "the requester may cancel only what nobody works on yet");

        t = service.transition(CARL_IT, "IT-1", new TransitionRequest("resolved", t.version(), "fixed"));
        assertEquals(List.of("closed", "in-progress"), targets(service.transitions(ANNA, "IT-1")));
        t = service.transition(ANNA, "IT-1", "in-progress", t.version()); // reopen
        assertEquals("in-progress", t.status());
        t = service.transition(CARL_IT, "IT-1", new TransitionRequest("resolved", t.version(), "fixed"));
        t = service.transition(ANNA, "IT-1", "closed", t.version()); // close
        assertEquals("closed", t.status());
        assertEquals(6, t.version());
        assertEquals(List.of(), targets(service.transitions(CARL_IT, "IT-1")));

        ConflictException e = assertThrows(ConflictException.class, () -> service.transition(CARL_IT, "IT-1", "in-progress", null));
        assertEquals(6L, e.currentVersion());
    }

    @Test
    void requesterMayCancelNewTicket() {
        service.create(ANNA, incident("Never mind"));
        assertEquals("closed", service.transition(ANNA, "IT-1", "closed", null).status());
    }

    @Test
    void invalidStepsAndTargets() {
        Ticket t = service.create(ANNA, incident("Mail is down"));
        ConflictException same = assertThrows(ConflictException.class, () -> service.transition(CARL_IT, "IT-1", "new", null));
        assertEquals(t.version(), same.currentVersion());

        ValidationException unknown = assertThrows(ValidationException.class, () -> service.transition(CARL_IT, "IT-1", "open", null));
        assertEquals(List.of("to"), fieldsOf(unknown));
        assertThrows(ValidationException.class, () -> service.transition(CARL_IT, "IT-1", null, null));
        assertThrows(NotFoundException.class, () -> service.transition(CARL_IT, "IT-9", "closed", null));
    }

    @Test
    void staleTransitionIsAConflict() {
        Ticket t = service.create(ANNA, incident("Mail is down"));
        Ticket moved = service.transition(CARL_IT, "IT-1", "in-progress", t.version());
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.transition(CARL_IT, "IT-1", new TransitionRequest("resolved", t.version(), "fixed")));
        assertEquals(moved.version(), e.currentVersion());
        assertEquals("in-progress", service.get(CARL_IT, "IT-1").status());
    }

    // ---------------------------------------------------------------- comments and history

    @Test
    void internalCommentsAreHiddenFromTheRequester() {
        service.create(ANNA, incident("Mail is down"));
        Comment question = service.comment(ANNA, "IT-1", new NewComment("Any news?", null));
        Comment note = service.comment(CARL_IT, "IT-1", new NewComment("Exchange is dead, restoring", true));
        Comment answer = service.comment(CARL_IT, "IT-1", new NewComment("Working on it", false));

        assertFalse(question.internal());
        assertTrue(note.internal());
        assertEquals("carl", note.author());
        assertNotNull(note.createdAt());

        List<Comment> forAnna = service.comments(ANNA, "IT-1");
        assertEquals(List.of("Any news?", "Working on it"), forAnna.stream().map(Comment::body).toList());
        List<Comment> forCarl = service.comments(CARL_IT, "IT-1");
        assertEquals(List.of(question.id(), note.id(), answer.id()), forCarl.stream().map(Comment::id).toList());
        assertEquals(List.of(question.id(), answer.id()), service.comments(ROOT, "IT-1").stream().map(Comment::id).toList(),
                "an admin reads non-confidential tickets, internal comments are for the department's agents");
        assertThrows(ForbiddenException.class, () -> service.comments(BOB, "IT-1"));
    }

    @Test
    void requesterCannotPostInternalComments() {
        service.create(ANNA, incident("Mail is down"));
        assertThrows(ForbiddenException.class, () -> service.comment(ANNA, "IT-1", new NewComment("psst", true)));
        assertThrows(ForbiddenException.class, () -> service.comment(BOB, "IT-1", new NewComment("me too", false)));
        ValidationException blank = assertThrows(ValidationException.class, () -> service.comment(CARL_IT, "IT-1", new NewComment(" ", true)));
        assertEquals(List.of("body"), fieldsOf(blank));
        assertThrows(ValidationException.class, () -> service.comment(CARL_IT, "IT-1",
                new NewComment("x".repeat(TicketInput.MAX_COMMENT + 1), false)));
        assertEquals(0, databases.count("ticket_comment"));
        assertEquals(1, databases.count("ticket_history"));
    }

    @Test
    void historyRecordsEveryChange() {
        Ticket t = service.create(ANNA, incident("Mail is down", "low", "low"));
        Instant createdAt = t.createdAt();
        t = service.update(CARL_IT, "IT-1", new TicketUpdate(t.version(), "Mail is down for all", null, "high", null, null, null));
        t = service.transition(CARL_IT, "IT-1", "in-progress", t.version());
        Comment pub = service.comment(ANNA, "IT-1", new NewComment("Thanks", false));
        Comment internal = service.comment(CARL_IT, "IT-1", new NewComment("Restart exchange", true));

        List<HistoryEntry> all = service.history(CARL_IT, "IT-1");
        List<String> rows = all.stream().map(h -> h.actor() + " " + h.action() + " " + h.field() + " " + h.before() + " -> " + h.after()).toList();
        assertEquals(List.of(
                "anna created status null -> new",
                "carl updated summary Mail is down -> Mail is down for all",
                "carl updated impact low -> high",
                "carl updated priority P4 -> P3",
                "carl transitioned status new -> in-progress",
                "anna commented public null -> " + pub.id(),
                "carl commented internal null -> " + internal.id()), rows);
        assertEquals(createdAt, all.get(0).at());
        assertEquals(all.get(1).at(), all.get(3).at(), "one update, one instant");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).id() > all.get(i - 1).id());
        }

        List<HistoryEntry> forAnna = service.history(ANNA, "IT-1");
        assertEquals(all.subList(0, 6), forAnna, "the requester does not learn of internal comments");
        assertThrows(ForbiddenException.class, () -> service.history(BOB, "IT-1"));
    }

    @Test
    void formFieldChangesAreRecordedAsJson() {
        Ticket t = service.create(ANNA, incident("Mail is down"));
        service.update(CARL_IT, "IT-1", new TicketUpdate(t.version(), null, null, null, null, null,
                Map.of("affectedService", "vpn", "since", "2026-03-01")));
        List<String> rows = service.history(CARL_IT, "IT-1").stream().skip(1)
                .map(h -> h.field() + " " + h.before() + " -> " + h.after()).sorted().toList();
        assertEquals(List.of("fields.affectedService \"email\" -> \"vpn\"", "fields.since null -> \"2026-03-01\""), rows);
    }
}
