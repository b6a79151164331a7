package org.atrium.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Attachments and ratings through REST in the real distribution (CXF multipart in OSGi, the bytes in
 * the database): upload, list, byte-identical download, the limits, the type checks, the ticket's
 * visibility, and the rating rules.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AttachmentIT extends AtriumTestSupport {
    private static final String BOUNDARY = "----atrium-it-boundary-7f3a";

    @Before
    public void ready() throws Exception {
        waitForApi();
        waitUntil("the IT and HR types in the catalog", Duration.ofSeconds(60), () -> {
            try {
                String catalog = http("GET", "/catalog", "anna", null).raw().body();
                return catalog.contains("\"it.incident\"") && catalog.contains("\"hr.certificate\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    private String incident(String summary) throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", summary, "fields", Map.of("affectedService", "email")));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("key").asText();
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    private static byte[] multipart(String partName, String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private HttpRequest.Builder request(String path, String user) throws Exception {
        return HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private Reply upload(String key, String user, byte[] multipartBody, String contentType) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request("/tickets/" + key + "/attachments", user)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response);
    }

    /** POST /attachments: an upload before its ticket exists. */
    private Reply uploadFirst(String user, byte[] multipartBody) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request("/attachments", user)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response);
    }

    /** A descriptor-only bundle with a type whose attachment field is required (like the legal example's draft contract). */
    private void reviewTypeInstalled() throws Exception {
        if (http("GET", "/catalog", "anna", null).raw().body().contains("\"lab.review\"")) {
            return;
        }
        String review = "{\"key\": \"lab.review\", \"department\": \"lab\", \"category\": \"service-request\", \"keyPrefix\": \"REV\","
                + " \"schemaVersion\": 1, \"names\": {\"de\": \"Prüfung\", \"en\": \"Review\"},"
                + " \"fields\": [{\"name\": \"document\", \"type\": \"attachment\", \"required\": true,"
                + " \"labels\": {\"de\": \"Entwurf\", \"en\": \"Draft\"}}]}";
        org.osgi.framework.Bundle bundle = bundleContext.installBundle("atrium-test:review", new java.io.ByteArrayInputStream(
                TestBundles.descriptorBundle("org.atrium.test.review", "1.0.0", Map.of("review.json", review))));
        bundle.start();
        waitUntil("the review type in the catalog", Duration.ofSeconds(30), () -> {
            try {
                return http("GET", "/catalog", "anna", null).raw().body().contains("\"lab.review\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    private Reply review(String user, Object document) throws Exception {
        return http("POST", "/tickets", user, Map.of("type", "lab.review", "summary", "NDA with Acme",
                "fields", document == null ? Map.of() : Map.of("document", document)));
    }

    private Reply upload(String key, String user, String fileName, String contentType, byte[] content) throws Exception {
        return upload(key, user, multipart("file", fileName, contentType, content), "multipart/form-data; boundary=" + BOUNDARY);
    }

    private HttpResponse<byte[]> download(String key, long id, String user) throws Exception {
        return HttpClient.newHttpClient().send(request("/tickets/" + key + "/attachments/" + id, user).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void problemNaming(Reply reply, int status, String field) {
        assertEquals(reply.raw().body(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(reply.raw().body(), field, reply.body().get("errors").get(0).get("field").asText());
    }

    @Test
    public void uploadListAndDownloadByteIdenticalWithTheTicketsVisibility() throws Exception {
        String key = incident("Printer on floor 3 jams");
        byte[] bytes = pdf(2 * 1024 * 1024 + 17); // larger than maxBodyBytes (1 MiB): uploads have their own limit
        Reply added = upload(key, "anna", "Übersicht März.pdf", "application/pdf", bytes);
        assertEquals(added.raw().body(), 201, added.status());
        long id = added.body().get("id").asLong();
        assertTrue(added.raw().headers().firstValue("Location").orElseThrow().endsWith("/tickets/" + key + "/attachments/" + id));
        assertEquals("Übersicht März.pdf", added.body().get("fileName").asText());
        assertEquals("application/pdf", added.body().get("contentType").asText());
        assertEquals(bytes.length, added.body().get("size").asLong());
        assertEquals("anna", added.body().get("uploadedBy").asText());
        assertTrue(added.body().has("uploadedAt"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), added.body().get("sha256").asText());

        Reply list = http("GET", "/tickets/" + key + "/attachments", "anna", null);
        assertEquals(list.raw().body(), 200, list.status());
        assertEquals(1, list.body().get("items").size());
        assertEquals(id, list.body().get("items").get(0).get("id").asLong());

        for (String reader : new String[] {"anna", "ina"}) { // the requester and an agent of the department
            HttpResponse<byte[]> file = download(key, id, reader);
            assertEquals(200, file.statusCode());
            assertArrayEquals(bytes, file.body());
            assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow());
            String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
            assertTrue(disposition, disposition.startsWith("attachment; "));
            assertTrue(disposition, disposition.contains("filename*=UTF-8''%C3%9Cbersicht_M%C3%A4rz.pdf"));
        }
        assertTrue(http("GET", "/tickets/" + key + "/history", "anna", null).raw().body().contains("\"attachment added\""));
        assertEquals("another employee may not read an IT ticket that is not theirs", 403,
                http("GET", "/tickets/" + key + "/attachments", "felix", null).status());
        assertEquals(403, download(key, id, "felix").statusCode());
        assertEquals(404, download(key, id + 100_000, "anna").statusCode());
        assertEquals(404, download(key, 0, "anna").statusCode());
        assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiBase() + "/tickets/" + key + "/attachments/" + id))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    public void confidentialAttachmentsAreHiddenFromOtherRequesters() throws Exception {
        Reply certificate = http("POST", "/tickets", "anna", Map.of("type", "hr.certificate", "summary", "Employment certificate",
                "fields", Map.of("topic", "employment-certificate", "details", "for my new flat")));
        assertEquals(certificate.raw().body(), 201, certificate.status());
        String hr = certificate.body().get("key").asText();
        Reply added = upload(hr, "anna", "contract.txt", "text/plain; charset=UTF-8", "My contract, page 1".getBytes(StandardCharsets.UTF_8));
        assertEquals(added.raw().body(), 201, added.status());
        long id = added.body().get("id").asLong();
        assertEquals(404, http("GET", "/tickets/" + hr + "/attachments", "felix", null).status());
        assertEquals(404, download(hr, id, "felix").statusCode());
        assertEquals("another department's agent", 404, download(hr, id, "ina").statusCode());
        assertEquals("administering is not reading HR cases", 404, download(hr, id, "admin").statusCode());
        assertEquals(404, upload(hr, "felix", "x.txt", "text/plain", "x".getBytes()).status());
        HttpResponse<byte[]> file = download(hr, id, "hanna");
        assertEquals(200, file.statusCode());
        assertEquals("My contract, page 1", new String(file.body(), StandardCharsets.UTF_8));
    }

    @Test
    public void tooLargeRefusedTypesAndBadBodiesChangeNothing() throws Exception {
        String key = incident("Scanner broken");
        problemNaming(upload(key, "anna", "big.pdf", "application/pdf", pdf(10 * 1024 * 1024 + 1)), 413, "file");
        problemNaming(upload(key, "anna", "invoice.pdf", "application/pdf",
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), 415, "file");
        problemNaming(upload(key, "anna", "page.html", "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)), 415, "file");
        problemNaming(upload(key, "anna", "logo.svg", "image/png", pdf(100)), 415, "file");
        problemNaming(upload(key, "anna", multipart("document", "a.pdf", "application/pdf", pdf(100)),
                "multipart/form-data; boundary=" + BOUNDARY), 400, "file");
        Reply garbage = upload(key, "anna", "this is not multipart at all".getBytes(StandardCharsets.US_ASCII),
                "multipart/form-data; boundary=" + BOUNDARY);
        assertEquals(garbage.raw().body(), 400, garbage.status());
        assertTrue(garbage.contentType(), garbage.contentType().startsWith("application/problem+json"));
        assertEquals(0, http("GET", "/tickets/" + key + "/attachments", "anna", null).body().get("items").size());
    }

    @Test
    public void aRequiredAttachmentFieldIsFilledWithAnUploadMadeBeforeTheTicket() throws Exception {
        reviewTypeInstalled();
        problemNaming(review("anna", null), 400, "fields.document");
        byte[] bytes = pdf(300 * 1024);
        Reply held = uploadFirst("anna", multipart("file", "Entwurf NDA.pdf", "application/pdf", bytes));
        assertEquals(held.raw().body(), 201, held.status());
        String id = held.body().get("id").asText();
        assertEquals("Entwurf NDA.pdf", held.body().get("fileName").asText());
        assertEquals("anna", held.body().get("uploadedBy").asText());

        problemNaming(review("ina", id), 400, "fields.document"); // someone else's upload: as if there were none
        problemNaming(review("anna", "att-4711"), 400, "fields.document");
        Reply created = review("anna", id);
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertEquals(id, created.body().get("fields").get("document").asText());
        JsonNode items = http("GET", "/tickets/" + key + "/attachments", "anna", null).body().get("items");
        assertEquals(1, items.size());
        assertEquals(id, items.get(0).get("id").asText());
        assertArrayEquals(bytes, download(key, Long.parseLong(id), "anna").body());
        assertTrue(http("GET", "/tickets/" + key + "/history", "anna", null).raw().body().contains("\"attachment added\""));
        problemNaming(review("anna", id), 400, "fields.document"); // taken: it belongs to the first ticket now

        // a ticket's update may name a new upload of the caller, never someone else's
        Reply mine = uploadFirst("anna", multipart("file", "v2.pdf", "application/pdf", pdf(1000)));
        Reply hers = uploadFirst("ina", multipart("file", "x.pdf", "application/pdf", pdf(1000)));
        long version = created.body().get("version").asLong();
        problemNaming(http("PATCH", "/tickets/" + key, "anna", Map.of("version", version, "fields", Map.of("document", hers.body().get("id").asText()))),
                400, "fields.document");
        Reply updated = http("PATCH", "/tickets/" + key, "anna", Map.of("version", version, "fields", Map.of("document", mine.body().get("id").asText())));
        assertEquals(updated.raw().body(), 200, updated.status());
        assertEquals(2, http("GET", "/tickets/" + key + "/attachments", "anna", null).body().get("items").size());
    }

    @Test
    public void uploadsBeforeATicketHaveTheSameChecksAndATruncatedBodyIsRefused() throws Exception {
        problemNaming(uploadFirst("anna", multipart("file", "big.pdf", "application/pdf", pdf(10 * 1024 * 1024 + 1))), 413, "file");
        problemNaming(uploadFirst("anna", multipart("file", "page.html", "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8))), 415, "file");
        problemNaming(uploadFirst("anna", multipart("document", "a.pdf", "application/pdf", pdf(100))), 400, "file");
        assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiBase() + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", "a.pdf", "application/pdf", pdf(100)))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        // a body that broke off before its closing boundary: never stored, neither before a ticket nor on one
        byte[] whole = multipart("file", "cut.pdf", "application/pdf", pdf(200 * 1024));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - ("\r\n--" + BOUNDARY + "--\r\n").length());
        problemNaming(uploadFirst("anna", cut), 400, "file");
        String key = incident("Truncated upload");
        problemNaming(upload(key, "anna", cut, "multipart/form-data; boundary=" + BOUNDARY), 400, "file");
        assertEquals(0, http("GET", "/tickets/" + key + "/attachments", "anna", null).body().get("items").size());
        assertEquals(201, upload(key, "anna", whole, "multipart/form-data; boundary=" + BOUNDARY).status());
    }

    @Test
    public void theRequesterRatesAResolvedTicketUntilItIsClosed() throws Exception {
        String key = incident("Mail does not sync");
        assertEquals(404, http("GET", "/tickets/" + key + "/rating", "anna", null).status());
        assertEquals("not resolved yet", 409, http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", 5)).status());
        Reply resolved = http("POST", "/tickets/" + key + "/transitions", "ina", Map.of("to", "resolved", "resolutionCode", "fixed"));
        assertEquals(resolved.raw().body(), 200, resolved.status());
        Reply tooHigh = http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", 6));
        assertEquals(tooHigh.raw().body(), 400, tooHigh.status());
        assertEquals("score", tooHigh.body().get("errors").get(0).get("field").asText());
        assertEquals(400, http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", "5")).status());
        assertEquals("only the requester", 403, http("PUT", "/tickets/" + key + "/rating", "ina", Map.of("score", 1)).status());
        assertTrue(http("GET", "/tickets/" + key, "anna", null).body().get("rating").isNull());

        Reply rated = http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", 4, "comment", "Quick, thanks"));
        assertEquals(rated.raw().body(), 200, rated.status());
        assertEquals(4, rated.body().get("score").asInt());
        assertEquals("Quick, thanks", rated.body().get("comment").asText());
        assertEquals("anna", rated.body().get("ratedBy").asText());
        assertTrue(rated.body().has("ratedAt"));
        assertEquals(200, http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", 5)).status());
        assertEquals(5, http("GET", "/tickets/" + key + "/rating", "ina", null).body().get("score").asInt());
        assertEquals(5, http("GET", "/tickets/" + key, "anna", null).body().get("rating").get("score").asInt());

        assertEquals(200, http("POST", "/tickets/" + key + "/transitions", "anna", Map.of("to", "closed")).status());
        assertEquals("closed: the rating no longer changes", 409, http("PUT", "/tickets/" + key + "/rating", "anna", Map.of("score", 1)).status());
        assertEquals(5, http("GET", "/tickets/" + key + "/rating", "anna", null).body().get("score").asInt());
    }
}
