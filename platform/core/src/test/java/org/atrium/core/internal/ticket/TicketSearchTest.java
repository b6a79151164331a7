package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.search.SearchHit;
import org.atrium.api.search.SearchPage;
import org.atrium.api.search.SearchQuery;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.privacy.FieldKinds;
import org.atrium.core.internal.search.SearchBackfill;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Full-text search on Derby and PostgreSQL: visibility, internal comments, filters, ranking, paging, bad input, backfill. */
class TicketSearchTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller BOB = Caller.of("bob");
    static final Caller CARL = Caller.of("carl", "agent-it");
    static final Caller HANNA = Caller.of("hanna", "agent-hr");
    static final Caller ADMIN = Caller.of("admin", "admin");

    private static TicketServiceImpl service(TestDatabases databases) {
        TestPeople.store(databases.database(), TestPeople.CARL);
        RequestTypeCatalog catalog = TestCatalogs.catalog(TicketQueueTest.ROUTED_INCIDENT, TestCatalogs.HR_CASE);
        return new TicketServiceImpl(databases.database(), catalog, new TicketServiceImplTest.TickingClock(),
                AssignmentGroupsService.of(Map.of()));
    }

    private static Ticket incident(TicketServiceImpl service, Caller caller, String summary, String description) {
        return service.create(caller, new NewTicket("it.incident", summary, description, "low", "low", Map.of("affectedService", "email")));
    }

    private static SearchPage search(TicketServiceImpl service, Caller caller, String text) {
        return service.search(caller, new SearchQuery(text, TicketQuery.all()));
    }

    private static List<String> keys(SearchPage page) {
        return page.items().stream().map(hit -> hit.ticket().key()).toList();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aConfidentialTicketIsFoundOnlyByItsDepartmentAndItsRequester(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-confidential", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket hr = service.create(ANNA, new NewTicket("hr.case", "Gehaltsabrechnung falsch", "Die Abrechnung des Druckers", null, null, Map.of()));
            assertTrue(hr.confidential());
            Ticket it = incident(service, BOB, "Drucker druckt nicht", null);
            assertEquals(List.of(hr.key()), keys(search(service, HANNA, "Druckers")), "the HR agent");
            assertEquals(List.of(hr.key()), keys(search(service, ANNA, "drucker")), "the requester");
            assertEquals(List.of(it.key()), keys(search(service, CARL, "Drucker")), "an IT agent sees IT's, not HR's");
            assertEquals(List.of(it.key()), keys(search(service, BOB, "Drucker")), "another employee: their own only");
            assertEquals(List.of(it.key()), keys(search(service, ADMIN, "Drucker")), "administering is not reading HR cases");
            assertEquals(List.of(), keys(search(service, CARL, "Gehaltsabrechnung")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void internalCommentsAreSearchedForAgentsOnly(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-internal", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket it = incident(service, ANNA, "Laptop slow", null);
            service.comment(CARL, it.key(), new NewComment("Replaced the toner cartridge", true));
            service.comment(ANNA, it.key(), new NewComment("The printers on floor 2 as well", false));
            SearchHit agent = search(service, CARL, "toner").items().get(0);
            assertEquals(List.of("internalComment"), agent.matches());
            assertEquals(List.of(), keys(search(service, ANNA, "toner")), "the requester does not search internal comments");
            SearchHit requester = search(service, ANNA, "printer toner").items().get(0);
            assertEquals(List.of("comment"), requester.matches(), "no word of an internal comment shows");
            assertEquals(List.of("comment", "internalComment"), search(service, CARL, "printer toner").items().get(0).matches());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ranksSummaryHitsAboveCommentHitsAndMoreWordsAboveFewer(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-rank", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket inComment = incident(service, ANNA, "Something odd", null);
            service.comment(ANNA, inComment.key(), new NewComment("the printer again", false));
            Ticket inDescription = incident(service, ANNA, "Other trouble", "printer jams");
            Ticket inSummary = incident(service, ANNA, "Printer broken", null);
            Ticket both = incident(service, ANNA, "Paper", "printer has no paper");
            assertEquals(List.of(inSummary.key(), inDescription.key(), inComment.key(), both.key()).subList(0, 3),
                    keys(search(service, ANNA, "printers")).stream().filter(k -> !k.equals(both.key())).toList());
            assertEquals(both.key(), keys(search(service, ANNA, "printer paper")).get(0), "both words first");
            assertEquals(List.of(inSummary.key()), keys(search(service, ANNA, inSummary.key())), "by key");
            SearchHit hit = search(service, ANNA, "printer").items().get(0);
            assertEquals(List.of("summary"), hit.matches());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void combinesWithTheQueueFiltersAndPagesByCursor(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-filters", engine)) {
            TicketServiceImpl service = service(databases);
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(incident(service, ANNA, "VPN drops " + i, null).key());
            }
            service.transition(CARL, created.get(0), "in-progress", null);
            SearchPage inProgress = service.search(CARL, new SearchQuery("vpn", new TicketQuery("it", List.of("in-progress"), List.of(),
                    null, null, null, false, null, 50, null)));
            assertEquals(List.of(created.get(0)), keys(inProgress));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                SearchPage page = service.search(CARL, new SearchQuery("vpn", new TicketQuery("it", List.of(), List.of(), null, null,
                        null, false, null, 2, cursor)));
                paged.addAll(keys(page));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(5, paged.size());
            assertEquals(5, paged.stream().distinct().count(), "no ticket twice across pages: " + paged);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesBadInputNamingIt(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-bad", engine)) {
            TicketServiceImpl service = service(databases);
            assertEquals(List.of("q"), fields(assertThrows(ValidationException.class, () -> search(service, ANNA, "x".repeat(201)))));
            assertEquals(List.of("q"), fields(assertThrows(ValidationException.class, () -> search(service, ANNA, "?! --"))));
            assertEquals(List.of("sort"), fields(assertThrows(ValidationException.class, () -> service.search(ANNA,
                    new SearchQuery("vpn", new TicketQuery(null, List.of(), List.of(), null, null, null, false, "created", 10, null))))));
            assertEquals(List.of("cursor"), fields(assertThrows(ValidationException.class, () -> service.search(ANNA,
                    new SearchQuery("vpn", new TicketQuery(null, List.of(), List.of(), null, null, null, false, null, 10, "bogus"))))));
            assertEquals(List.of("status"), fields(assertThrows(ValidationException.class, () -> service.search(ANNA,
                    new SearchQuery("vpn", new TicketQuery(null, List.of("nope"), List.of(), null, null, null, false, null, 10, null))))));
            assertNotNull(search(service, ANNA, "IT"), "only stop words: searched after all");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theBackfillIndexesTicketsWrittenBeforeTheIndexAndResumes(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-backfill", engine)) {
            TicketServiceImpl service = service(databases);
            for (int i = 0; i < 5; i++) {
                incident(service, ANNA, "Monitor flickers " + i, null);
            }
            databases.database().inTransaction(em -> {
                em.createNativeQuery("DELETE FROM ticket_search_term").executeUpdate();
                em.createNativeQuery("DELETE FROM ticket_search_rank").executeUpdate(); // both tables: as before the index existed
                return em.createNativeQuery("UPDATE ticket_search_backfill SET next_ticket = 0, finished = ? WHERE id = 1")
                        .setParameter(1, Boolean.FALSE).executeUpdate();
            });
            assertEquals(List.of(), keys(search(service, ANNA, "monitor")));
            FieldKinds kinds = new FieldKinds(TestCatalogs.catalog(TicketQueueTest.ROUTED_INCIDENT));
            SearchBackfill.Progress first = databases.database().inTransaction(em -> SearchBackfill.batch(em, kinds, 2));
            assertEquals(2, first.indexed());
            assertEquals(2, search(service, ANNA, "monitor").items().size(), "what the first batch committed");
            SearchBackfill.Progress last;
            do {
                last = databases.database().inTransaction(em -> SearchBackfill.batch(em, kinds, 2));
            } while (!last.finished());
            assertEquals(5, search(service, ANNA, "monitors").items().size());
            assertTrue(databases.database().inTransaction(em -> SearchBackfill.batch(em, kinds, 2)).finished(), "done stays done");
            assertNull(search(service, ANNA, "monitor").nextCursor());
        }
    }
}
