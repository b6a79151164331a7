package org.atrium.itests;

import static org.atrium.itests.RestAssertions.assertProblemAt;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Full-text search ({@code GET /tickets?q=}) through REST in the real distribution, on Derby and (the
 * postgresql execution) on PostgreSQL: a confidential HR ticket found only by HR and its requester,
 * internal comments only by agents, the queue's filters, ranking, German stemming, completion of the
 * last word, snippets (never from an internal comment or confidential text the caller may not read), bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchIT extends AtriumTestSupport {

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void ready() throws Exception {
        waitUntil("the IT and HR types", Duration.ofSeconds(30),
                () -> registry.find("it.incident").isPresent() && registry.find("hr.certificate").isPresent());
        waitForApi();
    }

    /** A word no other test wrote: letters only (a number would be a word of every run). */
    private static String uniqueWord(String stem) {
        StringBuilder word = new StringBuilder(stem);
        for (char digit : Long.toString(System.nanoTime(), 26).toCharArray()) {
            word.append((char) ('a' + Character.digit(digit, 26)));
        }
        return word.append('t').toString(); // a consonant last: "-s" plurals stem alike in German and English
    }

    private Reply search(String user, String query) throws Exception {
        return http("GET", "/tickets?q=" + query, user, null);
    }

    private List<String> found(String user, String query) throws Exception {
        Reply reply = search(user, query);
        assertEquals(reply.raw().body(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        reply.body().get("items").forEach(item -> keys.add(item.get("key").asText()));
        return keys;
    }

    private JsonNode incident(String summary) throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", summary,
                "impact", "low", "urgency", "low", "fields", Map.of("affectedService", "email")));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body();
    }

    private void comment(String user, String key, String body, boolean internal) throws Exception {
        Reply added = http("POST", "/tickets/" + key + "/comments", user, Map.of("body", body, "internal", internal));
        assertEquals(added.raw().body(), 201, added.status());
    }

    @Test
    public void aWordOfAConfidentialTicketIsFoundOnlyByHrAndTheRequester() throws Exception {
        String word = uniqueWord("geheim");
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "hr.certificate", "summary", "Employment certificate",
                "fields", Map.of("topic", "employment-certificate", "details", "for the " + word + " application")));
        assertEquals(filed.raw().body(), 201, filed.status());
        String key = filed.body().get("key").asText();
        assertTrue(filed.raw().body(), filed.body().get("confidential").asBoolean());

        assertEquals("the HR agent", List.of(key), found("hanna", word));
        assertEquals("the requester", List.of(key), found("anna", word));
        assertEquals("an IT agent", List.of(), found("ina", word));
        assertEquals("another employee", List.of(), found("marc", word));
        assertEquals("an administrator without HR's role", List.of(), found("admin", word));
        JsonNode hit = search("hanna", word).body().get("items").get(0);
        assertEquals(List.of("fields"), texts(hit.get("matches")));
    }

    @Test
    public void internalCommentsAreFoundByAgentsOnly() throws Exception {
        String word = uniqueWord("intern");
        String key = incident("Laptop fan loud").get("key").asText();
        comment("ina", key, "Ordered a " + word + " part", true);
        comment("anna", key, "Still loud today", false);

        Reply agent = search("ina", word);
        assertEquals(agent.raw().body(), 1, agent.body().get("items").size());
        assertEquals(List.of("internalComment"), texts(agent.body().get("items").get(0).get("matches")));
        assertEquals("the requester does not search internal comments", List.of(), found("anna", word));
        // what the requester finds of the same ticket names no internal match
        JsonNode requesterHit = search("anna", word + "+loud").body().get("items").get(0);
        assertEquals(List.of("summary", "comment"), texts(requesterHit.get("matches")));
    }

    @Test
    public void ranksSummaryHitsFirstStemsGermanAndCombinesWithStatus() throws Exception {
        String word = uniqueWord("drucker");
        String inComment = incident("Something odd").get("key").asText();
        comment("anna", inComment, "Der " + word + " ist wieder kaputt", false);
        String inSummary = incident("Der " + word + "s druckt nicht").get("key").asText();

        assertEquals(List.of(inSummary, inComment), found("ina", word));
        assertEquals("German plural", List.of(inSummary, inComment), found("ina", word + "s"));
        Reply moved = http("POST", "/tickets/" + inComment + "/transitions", "ina", Map.of("to", "in-progress"));
        assertEquals(moved.raw().body(), 200, moved.status());
        assertEquals(List.of(inComment), found("ina", word + "&status=in-progress"));
        assertEquals(List.of(inSummary), found("ina", word + "&status=new&department=it"));
        assertEquals("by key", inSummary, found("ina", inSummary).get(0));
    }

    @Test
    public void badSearchesAreRefusedNamingTheParameter() throws Exception {
        assertProblemAt(search("anna", "x".repeat(201)), "q");
        assertProblemAt(search("anna", URLEncoder.encode("?! --", StandardCharsets.UTF_8)), "q");
        assertProblemAt(search("anna", ""), "q");
        assertProblemAt(search("anna", "printer&sort=created"), "sort");
        assertProblemAt(search("anna", "printer&cursor=nonsense"), "cursor");
    }

    @Test
    public void completesTheLastWordAsOneTypes() throws Exception {
        String word = uniqueWord("patrone");
        String key = incident("Toner " + word + " leer").get("key").asText();
        String typed = word.substring(0, word.length() - 3);
        assertTrue("the first letters find the word", found("anna", typed).contains(key));
        assertTrue("as the last of two words", found("anna", "toner+" + typed).contains(key));
        assertEquals("a complete word (space after it) is not completed", List.of(), found("anna", typed + "+"));
        assertProblemAt(search("anna", "x".repeat(201)), "q");
    }

    @Test
    public void snippetsShowWhereAHitMatchedAndNeverAnInternalCommentOrAConfidentialText() throws Exception {
        String word = uniqueWord("halter");
        String secret = uniqueWord("lieferant");
        String key = incident("Scanner " + word + " lose").get("key").asText();
        comment("anna", key, "Seit gestern zeigt der Drucker Fehler 0x42", false);
        comment("ina", key, "Bei " + secret + " nachbestellen, " + word + " bestellt", true);

        JsonNode summary = snippet(search("anna", word), key);
        assertEquals("summary", summary.get("field").asText());
        assertEquals(word, highlighted(summary, 0).toLowerCase());

        JsonNode comment = snippet(search("anna", "Druckers"), key);
        assertEquals("comment", comment.get("field").asText());
        assertEquals("Drucker", highlighted(comment, 0));

        assertEquals("the requester finds no word of an internal comment", List.of(), found("anna", secret));
        JsonNode mixed = snippet(search("anna", secret + "+gestern"), key);
        assertEquals("comment", mixed.get("field").asText());
        assertTrue(mixed.toString(), !mixed.get("text").asText().contains(secret));
        JsonNode internal = snippet(search("ina", secret), key);
        assertEquals("the department's agent", "internalComment", internal.get("field").asText());
        assertEquals(secret, highlighted(internal, 0));

        String confidential = uniqueWord("gehalt");
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "hr.certificate", "summary", "Employment certificate",
                "fields", Map.of("topic", "employment-certificate", "details", "about the " + confidential + " dispute")));
        assertEquals(filed.raw().body(), 201, filed.status());
        String hrKey = filed.body().get("key").asText();
        assertEquals("an IT agent gets no hit, so no snippet", List.of(), found("ina", confidential));
        JsonNode hr = snippet(search("hanna", confidential.substring(0, confidential.length() - 2)), hrKey);
        assertEquals("fields", hr.get("field").asText());
        assertEquals(confidential, highlighted(hr, 0));
    }

    private static JsonNode snippet(Reply reply, String key) {
        assertEquals(reply.raw().body(), 200, reply.status());
        for (JsonNode item : reply.body().get("items")) {
            if (key.equals(item.get("key").asText())) {
                assertTrue(reply.raw().body(), item.get("snippet").isObject());
                return item.get("snippet");
            }
        }
        throw new AssertionError(key + " not found: " + reply.raw().body());
    }

    @Test
    public void severalWordsRankAllWordsFirstAndPageByCursorAcrossTiers() throws Exception {
        String first = uniqueWord("vpn");
        String second = uniqueWord("token");
        String internalSecond = incident("Laptop " + first + " broken").get("key").asText(); // the oldest
        comment("ina", internalSecond, "the " + second + " was revoked", true);
        String firstOnlyOld = incident("Remote " + first + " down").get("key").asText();
        String both = incident(first + " " + second + " lost").get("key").asText();
        String firstOnlyNew = incident("Again " + first + " slow").get("key").asText();
        String secondOnly = incident("Something odd").get("key").asText();
        comment("anna", secondOnly, "the " + second + " again", false); // a comment: below every summary hit

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = search("ina", first + "+" + second + "+&limit=1" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(page.raw().body(), 200, page.status());
            page.body().get("items").forEach(item -> paged.add(item.get("key").asText()));
            cursor = page.body().path("nextCursor").isTextual() ? page.body().get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals("the agent, a page at a time: both words first (the internal one adds no score), then newer, then the comment hit",
                List.of(both, internalSecond, firstOnlyNew, firstOnlyOld, secondOnly), paged);
        assertEquals("the requester: the internal word is not searched, a one-word hit and the oldest",
                List.of(both, firstOnlyNew, firstOnlyOld, internalSecond, secondOnly), found("anna", first + "+" + second + "+"));
    }

    private static String highlighted(JsonNode snippet, int index) {
        JsonNode range = snippet.get("highlights").get(index);
        return snippet.get("text").asText().substring(range.get(0).asInt(), range.get(1).asInt());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
