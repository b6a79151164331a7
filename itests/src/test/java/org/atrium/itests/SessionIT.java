package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.Map;

import javax.inject.Inject;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The portal's sign-in in the real distribution: POST/GET/DELETE /session with the cookie, the CSRF
 * header on changes, logout revoked in the database, expiry with a short configured idle time, and
 * out-of-office set by the person over a session with an approval landing with the delegate.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SessionIT extends AtriumTestSupport {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void apiIsUp() throws Exception {
        waitUntil("the HR types", Duration.ofSeconds(30), () -> registry.find("hr.leave").isPresent());
        waitForApi();
    }

    /** A signed-in browser: the cookie's token and the CSRF token the sign-in answered. */
    private record Browser(String token, String csrf, JsonNode body, HttpResponse<String> raw) {
    }

    private Browser signIn(String login) throws Exception {
        HttpResponse<String> reply = send("POST", "/session", null, null,
                JSON.writeValueAsString(Map.of("login", login, "password", login)));
        assertEquals(reply.body(), 201, reply.statusCode());
        String cookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
        String token = cookie.substring("atrium_session=".length(), cookie.indexOf(';'));
        JsonNode body = JSON.readTree(reply.body());
        return new Browser(token, body.get("csrfToken").asText(), body, reply);
    }

    private HttpResponse<String> send(String method, String path, String token, String csrf, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Cookie", "atrium_session=" + token);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String incident(String summary) {
        return "{\"type\":\"it.incident\",\"summary\":\"" + summary + "\",\"impact\":\"high\",\"urgency\":\"medium\","
                + "\"fields\":{\"affectedService\":\"vpn\"}}";
    }

    @Test
    public void signInUseTheCookieWithCsrfAndSignOut() throws Exception {
        Browser anna = signIn("anna");
        String cookie = anna.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie, cookie.matches("atrium_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"));
        assertEquals("anna", anna.body().get("login").asText());
        assertEquals("Anna Albrecht", anna.body().get("name").asText());
        assertEquals("de", anna.body().get("language").asText());
        assertEquals("employee", anna.body().get("roles").get(0).asText());
        Instant expires = Instant.parse(anna.body().get("expiresAt").asText());
        assertTrue(expires.toString(), expires.isAfter(Instant.now().plus(Duration.ofMinutes(29))));

        HttpResponse<String> current = send("GET", "/session", anna.token(), null, null);
        assertEquals(current.body(), 200, current.statusCode());
        assertEquals(anna.csrf(), JSON.readTree(current.body()).get("csrfToken").asText());
        HttpResponse<String> me = send("GET", "/me", anna.token(), null, null);
        assertEquals(me.body(), 200, me.statusCode());
        assertEquals("anna", JSON.readTree(me.body()).get("user").asText());

        HttpResponse<String> withoutCsrf = send("POST", "/tickets", anna.token(), null, incident("no csrf"));
        assertEquals(withoutCsrf.body(), 403, withoutCsrf.statusCode());
        assertEquals("application/problem+json", withoutCsrf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("X-CSRF-Token", JSON.readTree(withoutCsrf.body()).get("errors").get(0).get("field").asText());
        HttpResponse<String> wrongCsrf = send("POST", "/tickets", anna.token(), anna.csrf().substring(1) + "A", incident("wrong csrf"));
        assertEquals(wrongCsrf.body(), 403, wrongCsrf.statusCode());
        HttpResponse<String> created = send("POST", "/tickets", anna.token(), anna.csrf(), incident("with csrf"));
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("anna", JSON.readTree(created.body()).get("requester").asText());

        HttpResponse<String> outWithoutCsrf = send("DELETE", "/session", anna.token(), null, null);
        assertEquals(outWithoutCsrf.body(), 403, outWithoutCsrf.statusCode());
        HttpResponse<String> out = send("DELETE", "/session", anna.token(), anna.csrf(), null);
        assertEquals(out.body(), 204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals("revoked in the database", 0, sessionRows(anna.token()));
        for (String path : new String[] {"/me", "/session"}) {
            HttpResponse<String> after = send("GET", path, anna.token(), null, null);
            assertEquals(after.body(), 401, after.statusCode());
            assertEquals("application/problem+json", after.headers().firstValue("Content-Type").orElse(""));
            assertFalse("no Basic challenge: a browser would open its own dialog",
                    after.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        assertEquals("Basic still works for scripts", 200, http("GET", "/me", "anna", null).status());
    }

    @Test
    public void wrongCredentialsAndBadBodiesAreProblems() throws Exception {
        HttpResponse<String> wrong = send("POST", "/session", null, null, "{\"login\":\"anna\",\"password\":\"wrong\"}");
        assertEquals(wrong.body(), 401, wrong.statusCode());
        assertEquals("application/problem+json", wrong.headers().firstValue("Content-Type").orElse(""));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        HttpResponse<String> bad = send("POST", "/session", null, null, "{\"login\":7}");
        assertEquals(bad.body(), 400, bad.statusCode());
        JsonNode errors = JSON.readTree(bad.body()).get("errors");
        assertEquals("login", errors.get(0).get("field").asText());
        assertEquals("password", errors.get(1).get("field").asText());
        HttpResponse<String> none = send("GET", "/session", null, null, null);
        assertEquals(none.body(), 401, none.statusCode());
        HttpResponse<String> forged = send("GET", "/me", "A".repeat(43), null, null);
        assertEquals(forged.body(), 401, forged.statusCode());
        assertEquals("public with any cookie", 200, send("GET", "/openapi.json", "A".repeat(43), null, null).statusCode());
    }

    @Test
    public void aNewSignInReplacesTheSessionOfTheCookieItCameWith() throws Exception {
        Browser first = signIn("ina");
        HttpResponse<String> again = send("POST", "/session", first.token(), null, "{\"login\":\"ina\",\"password\":\"ina\"}");
        assertEquals("the cookie is not accepted for the sign-in itself, which needs no CSRF header", 201, again.statusCode());
        assertEquals(401, send("GET", "/session", first.token(), null, null).statusCode());
        assertEquals(0, sessionRows(first.token()));
    }

    @Test
    public void aSessionExpiresAfterTheConfiguredIdleTime() throws Exception {
        Configuration rest = configurationAdmin.getConfiguration("org.atrium.rest", null);
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("sessionIdleMinutes", "0.05"); // 3 s
        rest.update(settings);
        try {
            waitUntil("the short idle time in force", Duration.ofSeconds(60), () -> {
                try {
                    HttpResponse<String> reply = send("POST", "/session", null, null, "{\"login\":\"felix\",\"password\":\"felix\"}");
                    return reply.statusCode() == 201 && Instant.parse(JSON.readTree(reply.body()).get("expiresAt").asText())
                            .isBefore(Instant.now().plusSeconds(10));
                } catch (Exception e) {
                    return false;
                }
            });
            Browser felix = signIn("felix");
            for (int i = 0; i < 4; i++) {
                Thread.sleep(1000);
                assertEquals("in use every second", 200, send("GET", "/me", felix.token(), null, null).statusCode());
            }
            Thread.sleep(4000);
            HttpResponse<String> expired = send("GET", "/me", felix.token(), null, null);
            assertEquals(expired.body(), 401, expired.statusCode());
            assertTrue(expired.body(), expired.body().contains("session has ended"));
        } finally {
            rest.delete();
            waitUntil("the default idle time again", Duration.ofSeconds(60), () -> {
                try {
                    HttpResponse<String> reply = send("POST", "/session", null, null, "{\"login\":\"felix\",\"password\":\"felix\"}");
                    return reply.statusCode() == 201 && Instant.parse(JSON.readTree(reply.body()).get("expiresAt").asText())
                            .isAfter(Instant.now().plus(Duration.ofMinutes(20)));
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    public void outOfOfficeSetOverTheSessionSendsApprovalsToTheDelegate() throws Exception {
        Browser marc = signIn("marc");
        LocalDate today = LocalDate.now();
        String absence = "{\"from\":\"" + today.minusDays(1) + "\",\"until\":\"" + today.plusDays(3) + "\",\"delegate\":\"ina\"}";
        HttpResponse<String> refused = send("PUT", "/me/out-of-office", marc.token(), marc.csrf(),
                "{\"from\":\"" + today + "\",\"until\":\"" + today.minusDays(1) + "\",\"delegate\":\"marc\"}");
        assertEquals(refused.body(), 400, refused.statusCode());
        assertEquals("until", JSON.readTree(refused.body()).get("errors").get(0).get("field").asText());
        HttpResponse<String> self = send("PUT", "/me/out-of-office", marc.token(), marc.csrf(),
                "{\"from\":\"" + today + "\",\"until\":\"" + today + "\",\"delegate\":\"marc\"}");
        assertEquals(self.body(), 400, self.statusCode());
        assertEquals("delegate", JSON.readTree(self.body()).get("errors").get(0).get("field").asText());

        HttpResponse<String> set = send("PUT", "/me/out-of-office", marc.token(), marc.csrf(), absence);
        assertEquals(set.body(), 200, set.statusCode());
        JsonNode read = JSON.readTree(send("GET", "/me/out-of-office", marc.token(), null, null).body());
        assertEquals("ina", read.get("delegate").asText());
        assertEquals(today.minusDays(1).toString(), read.get("from").asText());
        assertEquals(today.plusDays(3).toString(), read.get("until").asText());

        LocalDate from = today.plusDays(30);
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "hr.leave", "summary", "A week off",
                "fields", Map.of("kind", "annual", "period", Map.of("from", from.toString(), "to", from.plusDays(6).toString()))));
        assertEquals(filed.raw().body(), 201, filed.status());
        String key = filed.body().get("key").asText();
        JsonNode forIna = null;
        for (JsonNode approval : http("GET", "/approvals?state=pending", "ina", null).body()) {
            if (approval.get("ticket").asText().equals(key)) {
                forIna = approval;
            }
        }
        assertNotNull("marc's approval lands with ina while he is away", forIna);
        Reply decided = http("POST", "/approvals/" + forIna.get("id").asLong(), "ina", Map.of("decision", "approve"));
        assertEquals(decided.raw().body(), 200, decided.status());
        assertEquals("marc", decided.body().get("onBehalfOf").asText());

        assertEquals(204, send("DELETE", "/me/out-of-office", marc.token(), marc.csrf(), null).statusCode());
        HttpResponse<String> gone = send("GET", "/me/out-of-office", marc.token(), null, null);
        assertEquals(gone.body(), 404, gone.statusCode());
        assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(""));
        assertNull(http("GET", "/me", "marc", null).body().get("person").get("outOfOffice"));
    }

    /** How many rows the database holds for a token (by its hash; the token itself is never stored). */
    private long sessionRows(String token) throws Exception {
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("atrium-session\u0000" + token).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        javax.sql.DataSource ds = bundleContext.getService(bundleContext.getServiceReferences(javax.sql.DataSource.class,
                "(osgi.jndi.service.name=atrium)").iterator().next());
        try (var connection = ds.getConnection();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM portal_session WHERE token_hash = ?")) {
            statement.setString(1, hash);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
