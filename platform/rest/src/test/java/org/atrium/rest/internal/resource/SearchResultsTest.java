package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atrium.api.search.SearchHit;
import org.atrium.api.search.SearchPage;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.rest.internal.JsonMapping;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SearchResultsTest {

    @Test
    void aHitIsTheTicketAsTheQueueShowsItPlusWhereItMatched() throws Exception {
        Instant at = Instant.parse("2026-03-02T09:15:27Z");
        Ticket ticket = new Ticket("IT-1", "it.incident", 1, "it", "Printer jams", null, "anna", null, null, "new", "open", null,
                "low", "low", Priority.P4, false, Map.of(), at, at, 1, null, null, null);
        JsonNode json = JsonMapping.objectMapper().valueToTree(SearchResults.of(
                new SearchPage(List.of(new SearchHit(ticket, List.of("summary", "comment"), 9)), "c2VhcmNoOjUw")));
        JsonNode hit = json.get("items").get(0);
        assertEquals("IT-1", hit.get("key").asText());
        assertEquals("Printer jams", hit.get("summary").asText());
        assertEquals("summary", hit.get("matches").get(0).asText());
        assertEquals(9, hit.get("score").asInt());
        assertFalse(hit.has("ticket"), "flat: the ticket's fields, not a nested object");
        assertEquals("c2VhcmNoOjUw", json.get("nextCursor").asText());
    }

    @Test
    void aSnippetHasTheShapeThePortalRenders() throws Exception {
        Instant at = Instant.parse("2026-03-02T09:15:27Z");
        Ticket ticket = new Ticket("IT-1", "it.incident", 1, "it", "Printer jams", null, "anna", null, null, "new", "open", null,
                "low", "low", Priority.P4, false, Map.of(), at, at, 1, null, null, null);
        SearchPage page = new SearchPage(List.of(new SearchHit(ticket, List.of("comment"), 1)), null);
        JsonNode json = JsonMapping.objectMapper().valueToTree(SearchResults.of(new org.atrium.api.search.SearchResult(page,
                Map.of("IT-1", new org.atrium.api.search.SearchSnippet("comment", "\u2026der Drucker zeigt Fehler", List.of(List.of(5, 12)))))));
        JsonNode snippet = json.get("items").get(0).get("snippet");
        assertEquals("comment", snippet.get("field").asText());
        assertEquals("\u2026der Drucker zeigt Fehler", snippet.get("text").asText());
        assertEquals(5, snippet.get("highlights").get(0).get(0).asInt());
        assertEquals(12, snippet.get("highlights").get(0).get(1).asInt());
        assertEquals(1, snippet.get("highlights").size());
    }

    @Test
    void qIsAQueueParameter() {
        javax.ws.rs.core.MultivaluedMap<String, String> parameters = new javax.ws.rs.core.MultivaluedHashMap<>();
        parameters.add("q", "Drucker");
        parameters.add("status", "new");
        assertEquals(List.of("new"), QueueParameters.read(parameters).statuses());
        assertEquals("Drucker", QueueParameters.text(parameters));
    }
}
