package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * REST extensions (issue 14 part 2): the example partner bundle's resource {@code /legal/matters} runs inside
 * Atrium's API through the JAX-RS whiteboard properties: under its authentication (Basic and session, CSRF),
 * its problem+json errors and security headers, in its OpenAPI document, and it comes and goes with its bundle
 * while Atrium's own resources keep answering. A provider registered as a service (an exception mapper) joins too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestExtensionIT extends AtriumTestSupport {
    private static final String LEGAL = "org.atrium.example.legal";

    @Before
    public void theExampleRuns() throws Exception {
        waitForApi();
        Bundle legal = legalBundle();
        if (legal == null) {
            legal = bundleContext.installBundle("mvn:org.atrium/atrium-example-legal/" + System.getProperty("atrium.version"));
        }
        if (legal.getState() != Bundle.ACTIVE) {
            legal.start();
        }
        waitUntil("/legal/matters published", Duration.ofSeconds(30), () -> status("/legal/matters", "anna") == 200);
    }

    @Test
    public void thePartnerResourceKnowsTheCallerAndReadsTicketsWithTheirPermissions() throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "legal.legal-advice", "summary", "Non-compete clause",
                "fields", Map.of("area", "labour-law", "question", "Is the non-compete clause in my contract valid?")));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();

        Reply anna = http("GET", "/legal/matters", "anna", null);
        assertEquals(anna.raw().body(), 200, anna.status());
        assertEquals("anna", anna.body().get("caller").asText());
        assertTrue(anna.raw().body(), anna.body().get("roles").toString().contains("employee"));
        assertTrue("the requester sees her confidential matter: " + anna.raw().body(), anna.body().get("items").toString().contains(key));
        assertEquals("nosniff", anna.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-store", anna.raw().headers().firstValue("Cache-Control").orElse(""));
        assertEquals(key, http("GET", "/legal/matters/" + key, "anna", null).body().get("key").asText());

        Reply ina = http("GET", "/legal/matters", "ina", null);
        assertEquals("ina", ina.body().get("caller").asText());
        assertFalse("an IT agent does not see a confidential legal matter: " + ina.raw().body(), ina.body().get("items").toString().contains(key));
        Reply hidden = http("GET", "/legal/matters/" + key, "ina", null);
        assertEquals(hidden.raw().body(), 404, hidden.status());
        assertEquals("application/problem+json", hidden.contentType());
    }

    @Test
    public void withoutCredentialsThePartnerResourceAnswers401() throws Exception {
        Reply anonymous = http("GET", "/legal/matters", null, null);
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        assertTrue(anonymous.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, http("GET", "/legal/matters", "anna", null, "wrong").status());
    }

    @Test
    public void aSessionReachesThePartnerResourceUnderTheCsrfRule() throws Exception {
        HttpResponse<String> signedIn = send("POST", "/session", null, null, "{\"login\":\"anna\",\"password\":\"anna\"}");
        assertEquals(signedIn.body(), 201, signedIn.statusCode());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String token = cookie.substring("atrium_session=".length(), cookie.indexOf(';'));
        HttpResponse<String> read = send("GET", "/legal/matters", token, null, null);
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals("anna", JSON.readTree(read.body()).get("caller").asText());
        HttpResponse<String> forged = send("POST", "/legal/matters", token, null, "{}");
        assertEquals(forged.body(), 403, forged.statusCode());
        assertEquals("X-CSRF-Token", JSON.readTree(forged.body()).get("errors").get(0).get("field").asText());
    }

    @Test
    public void thePartnersErrorsAreProblems() throws Exception {
        Reply badLimit = http("GET", "/legal/matters?limit=0", "anna", null);
        assertEquals(badLimit.raw().body(), 400, badLimit.status());
        assertEquals("application/problem+json", badLimit.contentType());
        assertEquals("limit", badLimit.body().get("errors").get(0).get("field").asText());
        Reply unknown = http("GET", "/legal/matters/LEG-999999", "anna", null);
        assertEquals(unknown.raw().body(), 404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        Reply wrongMethod = http("DELETE", "/legal/matters", "anna", null);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET, HEAD, OPTIONS", wrongMethod.raw().headers().firstValue("Allow").orElse(""));
    }

    @Test
    public void theOpenApiDocumentListsThePartnersPaths() throws Exception {
        JsonNode document = http("GET", "/openapi.json", null, null).body();
        assertEquals(LEGAL, document.at("/paths/~1legal~1matters/get/tags/0").asText());
        assertTrue(document.at("/paths/~1legal~1matters~1{key}/get").isObject());
        assertTrue(document.at("/components/schemas/LegalMatters").isObject());
        assertTrue("Atrium's own paths stay", document.at("/paths/~1tickets/post").isObject());
    }

    @Test
    public void theResourceLeavesWithItsBundleAndComesBack() throws Exception {
        Bundle legal = legalBundle();
        legal.stop();
        try {
            waitUntil("/legal/matters withdrawn", Duration.ofSeconds(30), () -> status("/legal/matters", "anna") == 404);
            Reply gone = http("GET", "/legal/matters", "anna", null);
            assertEquals("application/problem+json", gone.contentType());
            assertEquals("Atrium's own resources keep answering", 200, http("GET", "/me", "anna", null).status());
            assertEquals(200, http("GET", "/tickets?limit=1", "anna", null).status());
            assertTrue(http("GET", "/openapi.json", null, null).body().at("/paths/~1legal~1matters").isMissingNode());
        } finally {
            legal.start();
        }
        waitUntil("/legal/matters back", Duration.ofSeconds(30), () -> status("/legal/matters", "anna") == 200);
        assertEquals("anna", http("GET", "/legal/matters", "anna", null).body().get("caller").asText());
        assertEquals(200, http("GET", "/me", "anna", null).status());
    }

    /** A resource and an exception mapper registered as plain services with the whiteboard properties. */
    @Test
    public void anExceptionMapperRegisteredAsAServiceJoinsTheApi() throws Exception {
        Hashtable<String, Object> resource = new Hashtable<>(Map.of("osgi.jaxrs.resource", true, "osgi.jaxrs.name", "itest.refusing"));
        Hashtable<String, Object> extension = new Hashtable<>(Map.of("osgi.jaxrs.extension", true, "osgi.jaxrs.name", "itest.mapper"));
        ServiceRegistration<?> mapper = bundleContext.registerService(ExceptionMapper.class.getName(), new RefusalMapper(), extension);
        ServiceRegistration<?> refusing = bundleContext.registerService(RefusingResource.class.getName(), new RefusingResource(), resource);
        try {
            waitUntil("/itest/refusing published", Duration.ofSeconds(30), () -> status("/itest/refusing", "anna") == 409);
            Reply refused = http("GET", "/itest/refusing", "anna", null);
            assertEquals("application/problem+json", refused.contentType());
            assertEquals("mapped by the partner's own mapper", refused.body().get("detail").asText());
        } finally {
            refusing.unregister();
            mapper.unregister();
        }
        waitUntil("/itest/refusing withdrawn", Duration.ofSeconds(30), () -> status("/itest/refusing", "anna") == 404);
    }

    public static class Refusal extends RuntimeException {
        public Refusal() {
            super("refused");
        }
    }

    @Path("/itest/refusing")
    public static class RefusingResource {
        @GET
        public String refuse() {
            throw new Refusal();
        }
    }

    public static class RefusalMapper implements ExceptionMapper<Refusal> {
        @Override
        public Response toResponse(Refusal refusal) {
            return Response.status(409).type("application/problem+json")
                    .entity("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"mapped by the partner's own mapper\"}").build();
        }
    }

    private Bundle legalBundle() {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (LEGAL.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private int status(String path, String user) {
        try {
            return http("GET", path, user, null).status();
        } catch (Exception e) {
            return -1;
        }
    }

    private Reply http(String method, String path, String user, Object body, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : JSON.readTree(response.body()), response);
    }

    private HttpResponse<String> send(String method, String path, String token, String csrf, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Cookie", "atrium_session=" + token);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        request.header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
