package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GDPR through REST in the real distribution: an administrator exports a person's data, erases the
 * person, and then no API answer (tickets, queue, comments, history, approvals, directory, audit,
 * export) holds the person's login, name or e-mail; tickets stay for statistics; all of it audited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PersonalDataIT extends AtriumTestSupport {
    /** The demo cast's Anna (etc/atrium-people.csv): her login as a word (not inside "hanna"), her name, her e-mail. */
    private static final List<Pattern> ANNA = List.of(Pattern.compile("\\banna\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("Albrecht", Pattern.CASE_INSENSITIVE), Pattern.compile("\\banna@example\\.com", Pattern.CASE_INSENSITIVE));

    /** Over HTTP rather than an injected service: on a loaded machine the boot may take longer than an injection waits. */
    @Before
    public void ready() throws Exception {
        waitForApi();
        waitUntil("the IT and HR types in the catalog", Duration.ofSeconds(60), () -> {
            try {
                String catalog = http("GET", "/catalog", "marc", null).raw().body();
                return catalog.contains("\"it.incident\"") && catalog.contains("\"hr.certificate\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void exportThenErasureLeavesNoTraceOfThePersonInAnyAnswer() throws Exception {
        Reply incident = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Anna Albrecht's laptop does not boot",
                "description", "Call me: anna@example.com", "fields", Map.of("affectedService", "email", "details", "Anna's desk, 3rd floor")));
        assertEquals(incident.raw().body(), 201, incident.status());
        String it = incident.body().get("key").asText();
        assertEquals(201, http("POST", "/tickets/" + it + "/comments", "anna", Map.of("body", "Please hurry, I am Anna")).status());
        assertEquals(201, http("POST", "/tickets/" + it + "/comments", "ina", Map.of("body", "On it")).status());
        long version = http("GET", "/tickets/" + it, "ina", null).body().get("version").asLong();
        assertEquals(200, http("PATCH", "/tickets/" + it, "ina", Map.of("version", version, "assignee", "me")).status());
        Reply certificate = http("POST", "/tickets", "anna", Map.of("type", "hr.certificate", "summary", "Certificate for Anna Albrecht",
                "fields", Map.of("topic", "employment-certificate", "details", "for my new flat")));
        assertEquals(certificate.raw().body(), 201, certificate.status());
        String hr = certificate.body().get("key").asText();
        assertEquals("HR's agent reads the confidential ticket (audited)", 200, http("GET", "/tickets/" + hr, "hanna", null).status());

        // export: administrators only
        assertEquals(403, http("GET", "/people/anna/personal-data", "ina", null).status());
        assertEquals(404, http("GET", "/people/nobody-at-all/personal-data", "admin", null).status());
        Reply export = http("GET", "/people/anna/personal-data", "admin", null);
        assertEquals(export.raw().body(), 200, export.status());
        assertEquals("anna@example.com", export.body().get("person").get("email").asText());
        assertEquals(List.of(it, hr), texts(export.body().get("ticketsRequested"), "key"));
        assertEquals(List.of("Please hurry, I am Anna"), texts(export.body().get("comments"), "body"));
        assertTrue(export.body().get("personId").asText().startsWith("p-"));

        // erasure
        assertEquals(403, http("POST", "/people/anna/erasure", "ina", null).status());
        Reply erased = http("POST", "/people/anna/erasure", "admin", null);
        assertEquals(erased.raw().body(), 200, erased.status());
        String pseudonym = erased.body().get("pseudonym").asText();
        assertFalse(erased.body().get("alreadyErased").asBoolean());
        assertEquals(2, erased.body().get("ticketsRedacted").asInt());

        JsonNode kept = http("GET", "/tickets/" + it, "ina", null).body();
        assertEquals(pseudonym, kept.get("requester").asText());
        assertEquals("it.incident", kept.get("type").asText());
        assertEquals("email", kept.get("fields").get("affectedService").asText());
        assertEquals("ina", kept.get("assignee").asText());

        List<String> answers = new ArrayList<>();
        for (String[] call : new String[][] {
                {"ina", "/tickets/" + it}, {"ina", "/tickets/" + it + "/comments"}, {"ina", "/tickets/" + it + "/history"},
                {"ina", "/tickets?department=it&limit=200"}, {"ina", "/tickets/" + it + "/approvals"},
                {"hanna", "/tickets/" + hr}, {"hanna", "/tickets/" + hr + "/comments"}, {"hanna", "/tickets/" + hr + "/history"},
                {"hanna", "/tickets?department=hr&limit=200"}, {"marc", "/approvals?state=all"},
                {"admin", "/tickets?limit=200"}, {"admin", "/directory/people?q=ann&limit=100"}, {"admin", "/directory/people?limit=100"},
                {"admin", "/directory/people/" + pseudonym}, {"admin", "/audit?limit=200"}, {"admin", "/people/" + pseudonym + "/personal-data"}}) {
            Reply reply = http("GET", call[1], call[0], null);
            assertEquals(call[1] + ": " + reply.raw().body(), 200, reply.status());
            answers.add(call[1] + " " + reply.raw().body());
        }
        assertEquals("the directory no longer knows the login", 404, http("GET", "/directory/people/anna", "admin", null).status());
        for (String answer : answers) {
            for (Pattern trace : ANNA) {
                assertFalse(trace + " found in " + answer, trace.matcher(answer).find());
            }
        }

        // a retry is safe; the old login is gone
        Reply retry = http("POST", "/people/" + pseudonym + "/erasure", "admin", null);
        assertEquals(200, retry.status());
        assertTrue(retry.body().get("alreadyErased").asBoolean());
        assertEquals(404, http("POST", "/people/anna/erasure", "admin", null).status());

        // audited: the erasure names the administrator and the pseudonym; the confidential read is there
        JsonNode erasures = http("GET", "/audit?action=person-erased", "admin", null).body().get("entries");
        assertEquals(1, erasures.size());
        assertEquals("admin", erasures.get(0).get("actor").asText());
        assertEquals(pseudonym, erasures.get(0).get("target").asText());
        assertTrue(erasures.get(0).get("address").asText().length() > 0);
        JsonNode reads = http("GET", "/audit?action=confidential-read&actor=hanna", "admin", null).body().get("entries");
        assertTrue(reads.toString(), texts(reads, "ticket").contains(hr));
    }

    @Test
    public void theAuditIsForAdministratorsWithStrictParametersAndPaging() throws Exception {
        assertEquals(403, http("GET", "/audit", "ina", null).status());
        assertEquals(401, http("GET", "/audit", null, null).status());
        for (String bad : new String[] {"/audit?limit=0", "/audit?limit=many", "/audit?from=yesterday", "/audit?limit=1&limit=2",
                "/audit?sort=x", "/audit?cursor=forged", "/audit?from=2026-03-02&to=2026-03-01"}) {
            Reply reply = http("GET", bad, "admin", null);
            assertEquals(bad + ": " + reply.raw().body(), 400, reply.status());
            assertTrue(bad, reply.contentType().startsWith("application/problem+json"));
            assertTrue(bad, reply.body().get("errors").get(0).get("field").asText().length() > 0);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(201, http("POST", "/tickets", "marc", Map.of("type", "it.incident", "summary", "Printer " + i,
                    "fields", Map.of("affectedService", "email"))).status());
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http("GET", "/audit?limit=2&actor=marc" + (cursor == null ? "" : "&cursor=" + cursor), "admin", null).body();
            page.get("entries").forEach(entry -> paged.add(entry.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(texts(http("GET", "/audit?limit=200&actor=marc", "admin", null).body().get("entries"), "id"), paged);
        assertTrue(paged.size() >= 3);
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(member).asText()));
        return texts;
    }
}
