package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Requests written by hand over a socket, as an attacker or a broken client sends them: oversized and
 * malformed bodies, wrong methods and media types, unknown paths, cross-origin preflights. Every answer
 * is problem+json naming what was wrong, none a 500, none larger than a few KB, each with the security
 * headers; and the API answers 503 rather than 404 while a resource is missing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileInputIT extends AtriumTestSupport {
    private static final String ANNA = "Authorization: Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8));

    @Inject
    private ServiceComponentRuntime components;

    @Before
    public void ready() throws Exception {
        waitForApi(); // up to a minute: the ticket resource needs the request types, so they are there too
    }

    private int port() throws Exception {
        return URI.create(apiBase()).getPort();
    }

    private RawHttp.Answer post(String path, byte[] body, String... headers) throws Exception {
        String head = "POST /api/v1" + path + " HTTP/1.1\r\nHost: localhost\r\n" + ANNA + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + (headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers));
        return RawHttp.send(port(), head, body);
    }

    private RawHttp.Answer get(String rawPath, String... headers) throws Exception {
        String head = "GET " + rawPath + " HTTP/1.1\r\nHost: localhost" + (headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers));
        return RawHttp.send(port(), head, new byte[0]);
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.headers().toString(), answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertFalse(answer.body(), answer.body().contains("Exception") || answer.body().contains("\tat "));
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("detail").asText().startsWith("HTTP " + status));
        return body;
    }

    private static void namesField(JsonNode problem, String field, String reasonStart) {
        assertEquals(problem.toString(), field, problem.get("errors").get(0).get("field").asText());
        assertTrue(problem.toString(), problem.get("errors").get(0).get("reason").asText().startsWith(reasonStart));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void aBodyLargerThanTheLimitIsRefusedAtOnceWithout500OrMemory() throws Exception {
        StringBuilder members = new StringBuilder("{\"type\":\"it.incident\",\"summary\":\"x\",\"fields\":{");
        for (int i = 0; i < 1_000_000; i++) {
            members.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":1");
        }
        byte[] twelveMegabytes = utf8(members.append("}}").toString());
        assertTrue(twelveMegabytes.length > 11_000_000);
        long start = System.nanoTime();
        JsonNode refused = problem(post("/tickets", twelveMegabytes), 413);
        assertTrue(refused.get("detail").asText(), refused.get("detail").asText().contains("1048576 bytes"));
        // chunked: no length to check up front, refused once the reader passes the limit
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < twelveMegabytes.length; at += 65536) {
            int size = Math.min(65536, twelveMegabytes.length - at);
            chunked.write(utf8(Integer.toHexString(size) + "\r\n"));
            chunked.write(twelveMegabytes, at, size);
            chunked.write(utf8("\r\n"));
        }
        chunked.write(utf8("0\r\n\r\n"));
        String head = "POST /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\n" + ANNA + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked";
        problem(RawHttp.send(port(), head, chunked.toByteArray()), 413);
        assertTrue("took " + Duration.ofNanos(System.nanoTime() - start), System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
        assertEquals(200, http("GET", "/tickets?limit=1", "anna", null).status()); // and the server is fine
    }

    @Test
    public void aMegabyteOfUnknownFieldsGetsAShortAnswer() throws Exception {
        StringBuilder members = new StringBuilder("{\"type\":\"it.incident\",\"summary\":\"x\",\"fields\":{\"affectedService\":\"vpn\"");
        for (int i = 0; members.length() < 1_000_000; i++) {
            members.append(",\"m").append(i).append("\":1");
        }
        RawHttp.Answer answer = post("/tickets", utf8(members.append("}}").toString()));
        JsonNode refused = problem(answer, 400);
        assertTrue(answer.bodyBytes() + " bytes", answer.bodyBytes() < 4096);
        assertEquals(20, refused.get("errors").size());
        assertTrue(refused.get("errorsNotListed").asInt() > 80_000);
        namesField(refused, "fields.m0", "is not a field");
    }

    @Test
    public void strictJsonNamesTheMemberAndTheReason() throws Exception {
        namesField(problem(post("/tickets", utf8("{\"type\":\"it.incident\",\"summary\":\"a\",\"summary\":\"b\"}")), 400),
                "summary", "is given more than once");
        namesField(problem(post("/tickets", utf8("{\"type\":\"it.incident\",\"summary\":5}")), 400), "summary", "has the wrong type");
        JsonNode ticket = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Hostile", "impact", "low",
                "urgency", "low", "fields", Map.of("affectedService", "vpn"))).body();
        String patch = "PATCH /api/v1/tickets/" + ticket.get("key").asText() + " HTTP/1.1\r\nHost: localhost\r\n" + ANNA
                + "\r\nContent-Type: application/json\r\nContent-Length: ";
        byte[] huge = utf8("{\"version\": 1e400}");
        namesField(problem(RawHttp.send(port(), patch + huge.length, huge), 400), "version", "has the wrong type: must be a whole number");
        byte[] trailing = utf8("{\"summary\": \"x\"} {\"summary\": \"y\"}");
        namesField(problem(RawHttp.send(port(), patch + trailing.length, trailing), 400), "(body)", "is not valid JSON");
    }

    @Test
    public void invalidAndOverlongUtf8IsRefusedNamingTheMember() throws Exception {
        byte[] overlong = utf8("{\"type\":\"it.incident\",\"summary\":\"a__b\"}");
        overlong[34] = (byte) 0xC0; // "/" in two bytes: C0 AF
        overlong[35] = (byte) 0xAF;
        namesField(problem(post("/tickets", overlong), 400), "summary", "is not valid UTF-8: byte 0xC0");
        byte[] stray = utf8("{\"type\":\"it.incident\",\"summary\":\"ok\",\"description\":\"_\"}");
        stray[stray.length - 3] = (byte) 0xFF;
        namesField(problem(post("/tickets", stray), 400), "description", "is not valid UTF-8: byte 0xFF");
        byte[] surrogate = utf8("{\"type\":\"it.incident\",\"summary\":\"___\"}");
        surrogate[33] = (byte) 0xED; // U+D800 encoded as if it were a character
        surrogate[34] = (byte) 0xA0;
        surrogate[35] = (byte) 0x80;
        namesField(problem(post("/tickets", surrogate), 400), "summary", "is not valid UTF-8");
    }

    @Test
    public void aWrongMethodListsOnlyTheMethodsThatWork() throws Exception {
        JsonNode ticket = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Allow", "impact", "low",
                "urgency", "low", "fields", Map.of("affectedService", "vpn"))).body();
        String path = "/api/v1/tickets/" + ticket.get("key").asText();
        RawHttp.Answer wrong = RawHttp.send(port(), "PUT " + path + " HTTP/1.1\r\nHost: localhost\r\n" + ANNA
                + "\r\nContent-Type: application/json\r\nContent-Length: 2", utf8("{}"));
        JsonNode refused = problem(wrong, 405);
        Set<String> allowed = new TreeSet<>(List.of(wrong.header("Allow").split(",\\s*")));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PATCH"), allowed);
        assertTrue(refused.get("detail").asText(), refused.get("detail").asText().contains("PUT is not allowed on " + path));
        for (String method : allowed) { // every method listed answers, none with 405
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + ANNA
                    + (method.equals("PATCH") ? "\r\nContent-Type: application/json\r\nContent-Length: 2" : "");
            int status = RawHttp.send(port(), head, method.equals("PATCH") ? utf8("{}") : new byte[0]).status();
            assertTrue(method + " answered " + status, status != 405 && status < 500);
        }
    }

    @Test
    public void unknownPathsAndWrongMediaTypesAreProblemsThatSayWhatIsRight() throws Exception {
        assertTrue(problem(get("/api/v1/nothing", ANNA), 404).get("detail").asText().contains("/api/v1/openapi.json"));
        assertTrue(problem(get("/api/nothing"), 404).get("detail").asText().contains("/api/v1"));
        problem(get("/api/v1/tickets/%2e%2e%2fcatalog", ANNA), 404); // an encoded ../ stays inside the key
        JsonNode unsupported = problem(RawHttp.send(port(), "POST /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\n" + ANNA
                + "\r\nContent-Type: text/plain\r\nContent-Length: 1", utf8("x")), 415);
        assertTrue(unsupported.get("detail").asText(), unsupported.get("detail").asText().contains("text/plain"));
        assertTrue(problem(get("/api/v1/catalog", ANNA, "Accept: text/html"), 406).get("detail").asText().contains("text/html"));
    }

    @Test
    public void requestsJettyCannotParseAreProblemsToo() throws Exception {
        JsonNode nul = jettyProblem(get("/api/v1/tickets/%00", ANNA), 400);
        assertTrue(nul.get("detail").asText(), nul.get("detail").asText().startsWith("The request cannot be read"));
        jettyProblem(get("/api/v1/..;/v1/catalog", ANNA), 400);
        String huge = "Authorization: Basic " + "A".repeat(64 * 1024);
        JsonNode tooLarge = jettyProblem(get("/api/v1/catalog", huge), 431);
        assertTrue(tooLarge.get("detail").asText(), tooLarge.get("detail").asText().contains("headers are larger"));
        jettyProblem(get("/nothing/here"), 404); // outside every servlet
    }

    /** An answer of Jetty itself: problem+json and nosniff, without the API's other headers. */
    private static JsonNode jettyProblem(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(answer.body(), status, answer.status());
        assertTrue(answer.headers().toString(), answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertFalse(answer.body(), answer.body().contains("<"));
        return JSON.readTree(answer.body());
    }

    @Test
    public void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (RawHttp.Answer answer : List.of(get("/api/v1/catalog", ANNA), get("/api/v1/catalog"), get("/api/v1/health"),
                get("/api/v1/nothing", ANNA))) {
            assertEquals(answer.headers().toString(), "nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("DENY", answer.header("X-Frame-Options"));
            assertTrue(answer.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertEquals("no-store", answer.header("Cache-Control"));
            assertNull("no HSTS over plain HTTP", answer.header("Strict-Transport-Security"));
        }
    }

    @Test
    public void healthReportsTheDatabaseTheExtenderTheSchedulerAndTheOutbox() throws Exception {
        Reply health = http("GET", "/health", null, null);
        assertEquals(health.raw().body(), 200, health.status());
        for (String check : List.of("extender", "scheduler", "outbox")) {
            assertEquals(health.raw().body(), "up", health.body().get("checks").get(check).get("status").asText());
        }
        assertEquals("up", health.body().get("database").get("status").asText());
    }

    @Test
    public void whileAResourceIsMissingTheApiAnswers503NotNotFound() throws Exception {
        String key = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Ready", "impact", "low",
                "urgency", "low", "fields", Map.of("affectedService", "vpn"))).body().get("key").asText();
        Bundle rest = List.of(bundleContext.getBundles()).stream().filter(b -> "org.atrium.rest".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        ComponentDescriptionDTO tickets = components.getComponentDescriptionDTO(rest, "org.atrium.rest.internal.resource.TicketResource");
        assertNotNull(tickets);
        components.disableComponent(tickets).getValue();
        try {
            // the server is rebuilt off the framework's event thread; on 2 busy cores that took over 10 s once
            waitUntil("503 for the ticket", Duration.ofSeconds(30), () -> status("/tickets/" + key) == 503);
            RawHttp.Answer starting = get("/api/v1/tickets/" + key, ANNA);
            JsonNode problem = problem(starting, 503);
            assertNotNull(starting.header("Retry-After"));
            assertTrue(problem.get("detail").asText(), problem.get("detail").asText().contains("TicketResource"));
            assertEquals(503, status("/catalog")); // the whole API waits, not only the missing part
            assertEquals(200, http("GET", "/health", null, null).status());
        } finally {
            components.enableComponent(tickets).getValue();
        }
        waitUntil("the ticket again", Duration.ofSeconds(30), () -> status("/tickets/" + key) == 200);
    }

    private int status(String path) {
        try {
            return http("GET", path, "anna", null).status();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    public void corsIsOffByDefaultAndAConfiguredOriginGetsItsPreflightWithoutCredentials() throws Exception {
        String preflight = "OPTIONS /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\nOrigin: https://portal.example.com\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type";
        RawHttp.Answer closed = RawHttp.send(port(), preflight, new byte[0]);
        assertEquals(401, closed.status());
        assertNull(closed.header("Access-Control-Allow-Origin"));
        org.osgi.service.cm.Configuration rest = configurationAdmin.getConfiguration("org.atrium.rest", null);
        Dictionary<String, Object> cors = new Hashtable<>();
        cors.put("corsAllowedOrigins", "https://portal.example.com");
        rest.update(cors);
        try {
            waitUntil("the preflight answered", Duration.ofSeconds(30), () -> {
                try {
                    return RawHttp.send(port(), preflight, new byte[0]).status() == 204;
                } catch (Exception e) {
                    return false;
                }
            });
            RawHttp.Answer open = RawHttp.send(port(), preflight, new byte[0]);
            assertEquals("https://portal.example.com", open.header("Access-Control-Allow-Origin"));
            assertTrue(open.header("Access-Control-Allow-Methods").contains("POST"));
            assertTrue(open.header("Access-Control-Allow-Headers").contains("Authorization"));
            RawHttp.Answer other = RawHttp.send(port(), preflight.replace("portal.example.com", "evil.example"), new byte[0]);
            assertEquals(401, other.status());
            assertNull(other.header("Access-Control-Allow-Origin"));
            RawHttp.Answer actual = get("/api/v1/catalog", ANNA, "Origin: https://portal.example.com");
            assertEquals(200, actual.status());
            assertEquals("https://portal.example.com", actual.header("Access-Control-Allow-Origin"));
        } finally {
            rest.delete();
            waitForApi();
        }
    }

    /** Collects the keys of a problem's errors, for messages. */
    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
