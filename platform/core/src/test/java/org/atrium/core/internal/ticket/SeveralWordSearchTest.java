package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.ticket.TicketSearchTest.ANNA;
import static org.atrium.core.internal.ticket.TicketSearchTest.BOB;
import static org.atrium.core.internal.ticket.TicketSearchTest.CARL;
import static org.atrium.core.internal.ticket.TicketSearchTest.HANNA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atrium.api.search.SearchPage;
import org.atrium.api.search.SearchQuery;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several-word search ranked by reading each term off the rank index (SeveralWordsRanking), on Derby and
 * PostgreSQL: every word beats fewer, then the summed score, then the newer ticket; pages by cursor give
 * the same order at any page size (small pages make it read in several batches); internal-comment words
 * count for the department's agents only; confidential tickets never show. Weights: summary 8, description 3.
 */
class SeveralWordSearchTest {
    private static String incident(TicketServiceImpl service, Caller caller, String summary, String description) {
        return service.create(caller, new NewTicket("it.incident", summary, description, "low", "low", Map.of("affectedService", "email"))).key();
    }

    /** Every hit, page after page by cursor, {@code limit} at a time. */
    private static List<String> allPages(TicketServiceImpl service, Caller caller, String text, int limit) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = service.search(caller, new SearchQuery(text, new TicketQuery(null, List.of(), List.of(), null, null, null,
                    false, null, limit, cursor)));
            page.items().forEach(hit -> keys.add(hit.ticket().key()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void allWordsBeatFewerThenScoreThenNewerAcrossPagesOfAnySize(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-several-rank", engine)) {
            TicketServiceImpl service = TicketSearchTest.service(databases);
            String vpnOnlyOld = incident(service, ANNA, "VPN down", null); // 1 word, in the summary
            String bothInDescriptionOld = incident(service, ANNA, "Remote access", "vpn token expired"); // 2 words, description
            String bothInDescriptionNew = incident(service, ANNA, "Remote access again", "vpn token expired"); // the same, newer
            String bothInSummary = incident(service, ANNA, "VPN token lost", null); // 2 words, summary
            String tokenOnly = incident(service, ANNA, "Reader broken", "token"); // 1 word, description: below a summary hit
            List<String> vpnOnlyNew = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                vpnOnlyNew.add(0, incident(service, ANNA, "VPN slow " + i, null)); // 1 word, summary, newest first
            }
            String elsewhere = incident(service, ANNA, "Printer jam", null);
            List<String> expected = new ArrayList<>(List.of(bothInSummary, bothInDescriptionNew, bothInDescriptionOld));
            expected.addAll(vpnOnlyNew);
            expected.addAll(List.of(vpnOnlyOld, tokenOnly));
            for (int limit : new int[] {50, 3, 2, 1}) {
                assertEquals(expected, allPages(service, ANNA, "vpn token", limit), "page size " + limit);
                assertEquals(expected, allPages(service, ANNA, "token vpn", limit), "word order does not matter, page size " + limit);
            }
            assertEquals(List.of(bothInDescriptionNew, bothInDescriptionOld, bothInSummary),
                    allPages(service, ANNA, "vpn token expired", 1).subList(0, 3), "three words beat two");
            assertEquals(List.of(), allPages(service, ANNA, "zebra giraffe", 2));
            assertEquals(List.of(elsewhere), allPages(service, ANNA, "printer giraffe", 1), "a word nobody holds leaves the other's tier");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWordOnlyInAnInternalCommentCountsForTheDepartmentsAgentsOnly(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-several-internal", engine)) {
            TicketServiceImpl service = TicketSearchTest.service(databases);
            String internalToken = incident(service, ANNA, "VPN broken", null);
            service.comment(CARL, internalToken, new NewComment("token revoked by security", true));
            String bothInSummary = incident(service, ANNA, "VPN token expired", null);
            String vpnOnlyNewer = incident(service, ANNA, "VPN broken again", null);
            for (int limit : new int[] {50, 1}) {
                assertEquals(List.of(bothInSummary, internalToken, vpnOnlyNewer), allPages(service, CARL, "vpn token", limit),
                        "the agent: the internal word makes a two-word hit that adds no score");
                assertEquals(List.of(bothInSummary, vpnOnlyNewer, internalToken), allPages(service, ANNA, "vpn token", limit),
                        "the requester: the internal word is not searched, a one-word hit, older");
                assertEquals(List.of(internalToken, bothInSummary), allPages(service, CARL, "token revoked", limit),
                        "two words only in an internal comment beat one public word");
                assertEquals(List.of(bothInSummary), allPages(service, ANNA, "token revoked", limit), "nothing internal shows");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aConfidentialTicketNeverShowsToThoseWhoMayNotReadIt(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("search-several-confidential", engine)) {
            TicketServiceImpl service = TicketSearchTest.service(databases);
            Ticket hr = service.create(ANNA, new NewTicket("hr.case", "Gehalt Drucker Abrechnung", "Gehalt Drucker", null, null, Map.of()));
            String bobs = incident(service, BOB, "Drucker kaputt", null);
            String annas = incident(service, ANNA, "Drucker Frage", null); // the same word as bob's: newer first
            for (int limit : new int[] {50, 1}) {
                assertEquals(List.of(hr.key()), allPages(service, HANNA, "gehalt drucker", limit), "the HR agent");
                assertEquals(List.of(hr.key(), annas), allPages(service, ANNA, "gehalt drucker", limit), "the requester");
                assertEquals(List.of(annas, bobs), allPages(service, CARL, "gehalt drucker", limit), "an IT agent: IT's tickets only");
                assertEquals(List.of(bobs), allPages(service, BOB, "gehalt drucker", limit), "another employee: their own");
                assertEquals(List.of(annas, bobs), allPages(service, TicketSearchTest.ADMIN, "gehalt drucker", limit),
                        "administering is not reading HR cases");
            }
        }
    }
}
