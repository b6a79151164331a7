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
import java.util.Set;

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
import org.atrium.api.ticket.TicketUpdate;
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

    static TicketServiceImpl service(TestDatabases databases) {
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
    void anEditedTextIsSearchedAsEditedAndAChangeWithoutTextKeepsTheIndex(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-edit", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket ticket = incident(service, ANNA, "Scanner offline", "since Monday");
            Ticket edited = service.update(ANNA, ticket.key(), new TicketUpdate(ticket.version(), "Plotter offline", null, null, null, null, null));
            assertEquals(List.of(), keys(search(service, ANNA, "scanner")), "the old word is gone");
            assertEquals(List.of(ticket.key()), keys(search(service, ANNA, "plotter")));
            assertEquals(List.of(ticket.key()), keys(search(service, ANNA, "plotter monday")), "several words, off the rank rows");
            service.transition(CARL, edited.key(), "in-progress", null);
            assertEquals(List.of(ticket.key()), keys(search(service, CARL, "plotter")), "a transition that changed no text");
            assertEquals(List.of("summary"), search(service, CARL, "plotter").items().get(0).matches());
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

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aOneWordSearchPagesOffTheRankIndexBestFirstAndInternalOnlyHitsLast(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-rank-index", engine)) {
            TicketServiceImpl service = service(databases);
            List<String> inDescription = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                inDescription.add(incident(service, ANNA, "Case " + i, "the scanner is slow").key());
            }
            List<String> inSummary = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inSummary.add(incident(service, ANNA, "Scanner broken " + i, null).key());
            }
            Ticket internalOnly = incident(service, ANNA, "Something else", null);
            service.comment(CARL, internalOnly.key(), new NewComment("scanner driver again", true));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                SearchPage page = service.search(CARL, new SearchQuery("scanners", new TicketQuery("it", List.of(), List.of(), null, null,
                        null, false, null, 5, cursor)));
                paged.addAll(keys(page));
                cursor = page.nextCursor();
            } while (cursor != null);
            List<String> expected = new ArrayList<>(inSummary);
            java.util.Collections.reverse(expected);
            List<String> descriptions = new ArrayList<>(inDescription);
            java.util.Collections.reverse(descriptions);
            expected.addAll(descriptions);
            expected.add(internalOnly.key());
            assertEquals(expected, paged, "summary hits, then description hits (newest first), then the internal-only hit");
            assertEquals(15, keys(service.search(ANNA, new SearchQuery("scanner", new TicketQuery(null, List.of(), List.of(), null, null,
                    null, false, null, 50, null)))).size(), "the requester: no internal-only hit");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLastWordIsCompletedAsOneTypesWithinBounds(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-prefix", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket drucker = incident(service, ANNA, "Drucker defekt", null);
            Ticket patrone = incident(service, ANNA, "Neue Druckerpatrone bestellen", null);
            Ticket laptop = incident(service, ANNA, "Laptop langsam", "kein Druck auf der Leitung");
            incident(service, ANNA, "Monitor flackert", null);
            assertEquals(Set.of(drucker.key(), patrone.key(), laptop.key()), Set.copyOf(keys(search(service, ANNA, "druck"))));
            assertEquals(List.of(patrone.key()), keys(search(service, ANNA, "druckerpat")));
            assertEquals(drucker.key(), keys(search(service, ANNA, "defekt drü")).get(0), "the last of several words, umlaut folded");
            assertEquals(List.of(), keys(search(service, ANNA, "dr")), "fewer than three letters: no completion");
            assertEquals(List.of(), keys(search(service, ANNA, "druckerpat ")), "a space after the word: the word is complete");
            Ticket many = incident(service, ANNA, "Wortliste", String.join(" ", java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> "quux" + (char) ('a' + i / 26) + (char) ('a' + i % 26)).toList()));
            assertEquals(List.of(many.key()), keys(search(service, ANNA, "quux")));
            Set<String> expanded = databases.database().read(em -> org.atrium.core.internal.search.SearchQueries.expand(em, Set.of("quux"),
                    org.atrium.core.internal.search.SearchPrefix.MAX_TERMS));
            assertEquals(org.atrium.core.internal.search.SearchPrefix.MAX_TERMS, expanded.size(), "bounded: " + expanded);
            assertTrue(expanded.contains("quuxaa"), "the shortest (first in order) first: " + expanded);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void snippetsShowWhereAHitMatchedAndNeverWhatTheCallerMayNotRead(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-snippets", engine)) {
            TicketServiceImpl service = service(databases);
            Ticket it = incident(service, ANNA, "Problem im Büro", "Seit heute morgen geht nichts mehr");
            service.comment(ANNA, it.key(), new NewComment("Leider der Drucker zeigt Fehler 0x42 beim Start", false));
            service.comment(CARL, it.key(), new NewComment("Toner leer, Lieferant Müller anrufen", true));
            Ticket hr = service.create(ANNA, new NewTicket("hr.case", "Frage", "Meine Gehaltsabrechnung stimmt nicht", "low", "low", Map.of()));

            org.atrium.api.search.SearchSnippet comment = snippets(service, ANNA, "Druckers").get(it.key());
            assertEquals("comment", comment.field());
            assertEquals(List.of(List.of(11, 18)), comment.highlights());
            assertEquals("Drucker", comment.text().substring(11, 18));

            assertEquals("internalComment", snippets(service, CARL, "toner").get(it.key()).field(), "the department's agent");
            assertEquals(Map.of(), snippets(service, ANNA, "toner"), "the requester reads no internal comment");
            org.atrium.api.search.SearchSnippet requester = snippets(service, ANNA, "toner drucker").get(it.key());
            assertEquals("comment", requester.field(), "a public word's snippet, not the internal comment's");
            assertTrue(!requester.text().toLowerCase().contains("toner"), requester.text());
            assertEquals("internalComment", snippets(service, CARL, "Lieferant").get(it.key()).field());

            assertEquals(Map.of(), snippets(service, CARL, "Gehaltsabrechnung"), "another department's agent: no confidential hit");
            org.atrium.api.search.SearchSnippet confidential = snippets(service, HANNA, "gehalts").get(hr.key());
            assertEquals("description", confidential.field());
            int[] at = {confidential.highlights().get(0).get(0), confidential.highlights().get(0).get(1)};
            assertEquals("Gehaltsabrechnung", confidential.text().substring(at[0], at[1]));
            assertEquals("summary", snippets(service, ANNA, "büro").get(it.key()).field(), "the heaviest field first");
        }
    }

    private static Map<String, org.atrium.api.search.SearchSnippet> snippets(TicketServiceImpl service, Caller caller, String text) {
        return service.searchWithSnippets(caller, new SearchQuery(text, TicketQuery.all())).snippets();
    }
}
