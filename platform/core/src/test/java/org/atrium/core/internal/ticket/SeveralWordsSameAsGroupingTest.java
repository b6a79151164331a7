package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.ticket.TicketSearchTest.ANNA;
import static org.atrium.core.internal.ticket.TicketSearchTest.CARL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.search.SearchQueries;
import org.atrium.core.internal.search.SearchTerms;
import org.atrium.core.internal.search.SeveralWordsRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The page-bounded several-word ranking gives exactly the pages of the grouping query it replaces
 * (SearchQueries.rank), on random tickets (words in summaries, descriptions, public and internal comments,
 * with many equal scores), for every pair of words and two triples, the first pages at two page sizes, with
 * and without internal comments counted and with a filter.
 */
class SeveralWordsSameAsGroupingTest {
    private static final List<String> VOCABULARY = List.of("alpha", "bravo", "charlie", "delta", "echo");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyPageEqualsTheGroupingQuerysPage(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-several-same", engine)) {
            TestPeople.store(databases.database(), TestPeople.CARL);
            TicketServiceImpl service = new TicketServiceImpl(databases.database(), TestCatalogs.catalog(TicketQueueTest.ROUTED_INCIDENT),
                    new TicketServiceImplTest.TickingClock(), AssignmentGroupsService.of(Map.of()));
            Random random = new Random(42);
            for (int i = 0; i < 40; i++) {
                Ticket ticket = service.create(ANNA, new NewTicket("it.incident", "Case " + someWords(random), someWords(random), "low", "low",
                        Map.of("affectedService", "email")));
                if (random.nextInt(3) == 0) {
                    service.comment(CARL, ticket.key(), new NewComment("note " + someWords(random), true));
                }
                if (random.nextInt(4) == 0) {
                    service.comment(ANNA, ticket.key(), new NewComment("also " + someWords(random), false));
                }
                if (random.nextInt(3) == 0) {
                    service.transition(CARL, ticket.key(), "in-progress", null);
                }
            }
            List<SearchQueries.Scope> scopes = List.of(
                    new SearchQueries.Scope(List.of(Map.of()), Map.of(), Map.of(), false, Set.of("it")),
                    new SearchQueries.Scope(List.of(Map.of()), Map.of(), Map.of(), false, Set.of()),
                    new SearchQueries.Scope(List.of(Map.of()), Map.of(), Map.<String, Collection<String>>of("status", List.of("new")), false,
                            Set.of("it")));
            int compared = 0;
            for (List<String> search : searches()) {
                List<Set<String>> words = search.stream().map(word -> Set.copyOf(SearchTerms.words(word, false).get(0).forms())).toList();
                for (SearchQueries.Scope scope : scopes) {
                    List<SearchQueries.Ranked> all = databases.database().read(em -> SearchQueries.rank(em, words, scope, 0, 1000));
                    for (int limit : new int[] {1, 4}) {
                        for (int offset = 0; offset <= Math.min(all.size(), limit * 8); offset += limit) {
                            int from = offset;
                            assertEquals(all.subList(from, Math.min(all.size(), from + limit)),
                                    databases.database().read(em -> SeveralWordsRanking.rank(em, words, scope, from, limit)),
                                    search + " " + scope + " offset " + from + " limit " + limit);
                            compared++;
                        }
                    }
                }
            }
            assertTrue(compared > 200, "compared " + compared + " pages");
        }
    }

    private static String someWords(Random random) {
        return VOCABULARY.stream().filter(word -> random.nextInt(3) == 0).collect(Collectors.joining(" "));
    }

    private static List<List<String>> searches() {
        List<List<String>> searches = new ArrayList<>();
        for (int a = 0; a < VOCABULARY.size(); a++) {
            for (int b = a + 1; b < VOCABULARY.size(); b++) {
                searches.add(List.of(VOCABULARY.get(a), VOCABULARY.get(b)));
            }
        }
        searches.add(List.of("alpha", "bravo", "charlie"));
        searches.add(List.of("charlie", "delta", "echo"));
        return searches;
    }
}
