package org.atrium.itests;

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
 * internal comments only by agents, the queue's filters, ranking, German stemming, bad input.
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

    private static void assertProblemAt(Reply reply, String field) {
        assertEquals(reply.raw().body(), 400, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        reply.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(reply.raw().body(), List.of(field), fields);
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

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
