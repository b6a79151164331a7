package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The portal as the distribution serves it (feature atrium-portal, booted): the root and /portal send a
 * browser to /portal/; the page carries a Content-Security-Policy without inline script and the API's
 * security headers and is revalidated; every module it loads (followed through the imports) is there,
 * versioned, gzipped and cached for a year; paths it does not have are problem+json 404s.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortalIT extends AtriumTestSupport {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(v/[0-9a-f]{12}/[^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("(?:from\\s*|import\\s*\\(\\s*)'(\\.{1,2}/[^']+)'");
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Before
    public void apiIsUp() throws InterruptedException {
        waitForApi();
    }

    private String origin() throws Exception {
        URI api = URI.create(apiBase());
        return "http://localhost:" + api.getPort();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void theFeatureIsBootedAndItsBundleActive() {
        Bundle portal = List.of(bundleContext.getBundles()).stream().filter(b -> "org.atrium.portal".equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no portal bundle"));
        assertEquals(Bundle.ACTIVE, portal.getState());
    }

    @Test
    public void theRootAndThePortalWithoutSlashLeadToThePortal() throws Exception {
        for (String path : List.of("/", "/portal")) {
            HttpResponse<byte[]> answer = get(path);
            assertEquals(path, 302, answer.statusCode());
            assertTrue(answer.headers().toString(), answer.headers().firstValue("Location").orElse("").endsWith("/portal/"));
        }
    }

    @Test
    public void thePageHasItsPolicyAndTheSecurityHeadersAndIsRevalidated() throws Exception {
        HttpResponse<byte[]> page = get("/portal/");
        assertEquals(200, page.statusCode());
        assertTrue(header(page, "Content-Type").startsWith("text/html"));
        String policy = header(page, "Content-Security-Policy");
        assertTrue(policy, policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'") && policy.startsWith("default-src 'none'"));
        assertFalse(policy, policy.contains("unsafe-inline") || policy.contains("unsafe-eval"));
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
        assertEquals("DENY", header(page, "X-Frame-Options"));
        assertEquals("no-referrer", header(page, "Referrer-Policy"));
        assertEquals("no-cache", header(page, "Cache-Control"));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertFalse("no inline script", Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find());
        assertTrue(html, html.contains("<select id=\"language\">"));

        HttpResponse<byte[]> again = get("/portal/", "If-None-Match", header(page, "ETag"));
        assertEquals("a later visit revalidates the page for nothing", 304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    public void everyModuleThePageLoadsIsThereVersionedGzippedAndKeptForAYear() throws Exception {
        String html = new String(get("/portal/").body(), StandardCharsets.UTF_8);
        Deque<String> pending = new ArrayDeque<>();
        Matcher assets = ASSET.matcher(html);
        while (assets.find()) {
            pending.add("/portal/" + assets.group(1));
        }
        assertTrue(html, pending.stream().anyMatch(path -> path.endsWith("/js/app.js")));
        String versioned = pending.peek().substring(0, "/portal/v/".length() + 12);
        pending.add(versioned + "/i18n/de.json"); // the message files are fetched, not imported
        pending.add(versioned + "/i18n/en.json");
        Set<String> seen = new HashSet<>();
        long gzippedBytes = 0;
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<byte[]> file = get(path, "Accept-Encoding", "gzip");
            assertEquals(path, 200, file.statusCode());
            assertEquals(path, "public, max-age=31536000, immutable", header(file, "Cache-Control"));
            assertNotNull(header(file, "ETag"));
            byte[] body = file.body();
            gzippedBytes += body.length;
            if ("gzip".equals(file.headers().firstValue("Content-Encoding").orElse(null))) {
                body = gunzip(body);
            }
            if (path.endsWith(".js")) {
                assertTrue(path, header(file, "Content-Type").startsWith("text/javascript"));
                Matcher imports = IMPORT.matcher(new String(body, StandardCharsets.UTF_8));
                while (imports.find()) {
                    pending.add(URI.create("http://x" + path).resolve(imports.group(1)).getPath());
                }
            }
        }
        assertTrue("modules followed: " + seen, seen.size() > 15);
        assertTrue(seen.toString(), seen.stream().anyMatch(p -> p.endsWith("/i18n/de.json")) && seen.stream().anyMatch(p -> p.endsWith("/i18n/en.json")));
        assertTrue("the whole app, gzipped, stays small: " + gzippedBytes, gzippedBytes < 300 * 1024);
    }

    @Test
    public void pathsThePortalDoesNotHaveAreProblemNotFound() throws Exception {
        String html = new String(get("/portal/").body(), StandardCharsets.UTF_8);
        Matcher asset = ASSET.matcher(html);
        assertTrue(asset.find());
        String versioned = "/portal/" + asset.group(1).substring(0, "v/".length() + 12);
        for (String path : List.of("/portal/nothing.js", versioned + "/js/nothing.js", versioned + "/../index.html",
                "/portal/v/", "/nothing/here")) {
            HttpResponse<byte[]> answer = get(path);
            assertEquals(path, 404, answer.statusCode());
            assertTrue(path, header(answer, "Content-Type").startsWith("application/problem+json"));
            assertEquals(path, "nosniff", header(answer, "X-Content-Type-Options"));
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + response.headers()));
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
