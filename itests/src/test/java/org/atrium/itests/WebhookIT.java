package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Webhooks in the real distribution, against a receiver this test starts (com.sun.net.httpserver on a
 * free port): a receiver that fails twice gets the event on the third attempt, signed so that it
 * verifies, and the delivery log shows it; a confidential HR ticket reaches HR's own subscription and
 * no other; only administrators manage subscriptions; bad input is problem+json naming the field.
 * Retries start at 1 s here (etc/org.atrium.webhooks.cfg) instead of 10 s.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebhookIT extends AtriumTestSupport {
    @Inject
    private RequestTypeRegistry registry;

    @Inject
    private SessionFactory sessionFactory;

    private HttpServer receiver;
    /** Requests the receiver got: path, headers and body. */
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<Long> subscriptions = new ArrayList<>();

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        // department administrators, who exist only as JAAS roles (password: the user name, like the demo cast)
        options.add(editConfigurationFilePut("etc/users.properties", "hradmin", "hradmin, employee, admin-hr"));
        options.add(editConfigurationFilePut("etc/users.properties", "itadmin", "itadmin, employee, admin-it"));
        options.add(editConfigurationFilePut("etc/org.atrium.webhooks.cfg", "retryBaseSeconds", "1"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void ready() throws Exception {
        waitUntil("the IT and HR types", Duration.ofSeconds(30),
                () -> registry.find("it.incident").isPresent() && registry.find("hr.certificate").isPresent());
        waitForApi();
        waitUntil("the webhook resource and the department admins' logins", Duration.ofSeconds(30), () -> {
            try {
                return http("GET", "/webhooks", "hradmin", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @After
    public void removeSubscriptions() throws Exception {
        for (long id : subscriptions) {
            http("DELETE", "/webhooks/" + id, "admin", null);
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** Starts the receiver: every path answers 500 to the first {@code failures} requests, then 204. */
    private String startReceiver(int failures) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("path", exchange.getRequestURI().getPath(), "body", body,
                    "event", String.valueOf(exchange.getRequestHeaders().getFirst("X-Atrium-Event")),
                    "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Atrium-Delivery")),
                    "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("X-Atrium-Timestamp")),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Atrium-Signature"))));
            exchange.sendResponseHeaders(calls.incrementAndGet() <= failures ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private JsonNode subscribe(String user, Map<String, Object> body) throws Exception {
        Reply created = http("POST", "/webhooks", user, body);
        assertEquals(created.raw().body(), 201, created.status());
        assertTrue(created.raw().headers().firstValue("Location").orElse("").endsWith("/webhooks/" + created.body().get("id").asLong()));
        subscriptions.add(created.body().get("id").asLong());
        return created.body();
    }

    private String fileTicket(String type, String summary, Map<String, Object> fields) throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", type, "summary", summary, "fields", fields));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("key").asText();
    }

    private List<Map<String, String>> receivedAt(String path) {
        return received.stream().filter(r -> r.get("path").equals(path)).toList();
    }

    /** What a receiver computes: the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret. */
    private static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aReceiverThatFailsTwiceGetsTheSignedEventOnTheThirdAttempt() throws Exception {
        String base = startReceiver(2);
        JsonNode hook = subscribe("itadmin", Map.of("url", base + "/it", "events", List.of("ticket.created")));
        String secret = hook.get("secret").asText();
        assertTrue(secret, secret.startsWith("whsec_"));
        assertEquals("it", hook.get("ownerDepartment").asText());
        assertEquals("it", hook.get("department").asText());
        long id = hook.get("id").asLong();

        String key = fileTicket("it.incident", "Webhook test: printer on fire", Map.of("affectedService", "printing"));
        waitUntil("three attempts at the receiver", Duration.ofSeconds(60), () -> receivedAt("/it").size() >= 3);

        List<Map<String, String>> attempts = receivedAt("/it");
        assertEquals("one delivery id for the three attempts", 1, attempts.stream().map(a -> a.get("delivery")).distinct().count());
        for (Map<String, String> attempt : attempts) {
            assertEquals("ticket.created", attempt.get("event"));
            assertEquals("the signature verifies", expectedSignature(secret, attempt.get("timestamp"), attempt.get("body")),
                    attempt.get("signature"));
        }
        JsonNode body = JSON.readTree(attempts.get(2).get("body"));
        assertEquals("ticket.created", body.get("type").asText());
        assertEquals(key, body.get("ticket").get("key").asText());
        assertEquals("Webhook test: printer on fire", body.get("ticket").get("summary").asText());
        assertEquals("it", body.get("ticket").get("department").asText());
        assertNotNull(body.get("occurredAt"));

        waitUntil("the success in the log", Duration.ofSeconds(10), () -> {
            try {
                return http("GET", "/webhooks/" + id + "/deliveries", "itadmin", null).body().get("items").size() >= 3;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode log = http("GET", "/webhooks/" + id + "/deliveries", "itadmin", null).body().get("items");
        assertEquals(log.toString(), 3, log.size());
        assertEquals("newest first", 204, log.get(0).get("httpStatus").asInt());
        assertEquals("delivered", log.get(0).get("outcome").asText());
        assertEquals(3, log.get(0).get("attempt").asInt());
        assertEquals(500, log.get(1).get("httpStatus").asInt());
        assertEquals(500, log.get(2).get("httpStatus").asInt());
        assertEquals("failed", log.get(2).get("outcome").asText());
        assertEquals(key, log.get(0).get("ticket").asText());

        Reply read = http("GET", "/webhooks/" + id, "itadmin", null);
        assertTrue("the secret is shown only at creation", read.body().get("secret").isNull());
        assertEquals(0, read.body().get("consecutiveFailures").asInt());
        assertEquals("HTTP 204", read.body().get("lastOutcome").asText());

        String console = KarafConsole.run(sessionFactory, "atrium:webhooks");
        assertTrue(console, console.contains(base + "/it") && console.contains("enabled"));
        String deliveries = KarafConsole.run(sessionFactory, "atrium:webhooks --deliveries " + id);
        assertTrue(deliveries, deliveries.contains("500") && deliveries.contains("204") && deliveries.contains(key));

        Reply rotated = http("POST", "/webhooks/" + id + "/secret", "itadmin", null);
        assertEquals(200, rotated.status());
        assertNotEquals(secret, rotated.body().get("secret").asText());
    }

    @Test
    public void aConfidentialTicketReachesOnlyItsOwnDepartmentsSubscription() throws Exception {
        String base = startReceiver(0);
        long platform = subscribe("admin", Map.of("url", base + "/platform", "events", List.of("ticket.created"))).get("id").asLong();
        long hr = subscribe("hradmin", Map.of("url", base + "/hr", "events", List.of("ticket.created"))).get("id").asLong();

        String certificate = fileTicket("hr.certificate", "Webhook test: certificate", Map.of("topic", "employment-certificate",
                "details", "for my new flat"));
        String incident = fileTicket("it.incident", "Webhook test: VPN", Map.of("affectedService", "vpn"));
        waitUntil("HR's event at HR's receiver and the incident at the platform's", Duration.ofSeconds(30),
                () -> receivedAt("/hr").stream().anyMatch(r -> r.get("body").contains(certificate))
                        && receivedAt("/platform").stream().anyMatch(r -> r.get("body").contains(incident)));
        Thread.sleep(1500); // a stray delivery of the certificate would be sent by now
        assertFalse("the platform's subscription never sees the confidential ticket",
                receivedAt("/platform").stream().anyMatch(r -> r.get("body").contains(certificate)));
        assertFalse("HR's subscription gets HR's events only", receivedAt("/hr").stream().anyMatch(r -> r.get("body").contains(incident)));
        JsonNode platformLog = http("GET", "/webhooks/" + platform + "/deliveries", "admin", null).body().get("items");
        assertFalse(platformLog.toString(), platformLog.toString().contains(certificate));

        List<Long> hrSees = new ArrayList<>();
        http("GET", "/webhooks", "hradmin", null).body().get("items").forEach(w -> hrSees.add(w.get("id").asLong()));
        assertEquals("a department admin sees their department's subscriptions", List.of(hr), hrSees);
        assertEquals(404, http("GET", "/webhooks/" + platform, "hradmin", null).status());
        List<Long> adminSees = new ArrayList<>();
        http("GET", "/webhooks", "admin", null).body().get("items").forEach(w -> adminSees.add(w.get("id").asLong()));
        assertTrue(adminSees.toString(), adminSees.containsAll(List.of(platform, hr)));
    }

    @Test
    public void onlyAdministratorsManageAndBadInputNamesTheField() throws Exception {
        assertEquals(403, http("GET", "/webhooks", "anna", null).status());
        Reply agent = http("POST", "/webhooks", "ina", Map.of("url", "https://example.com/hook", "events", List.of("ticket.created")));
        assertEquals(403, agent.status());
        assertTrue(agent.contentType(), agent.contentType().startsWith("application/problem+json"));

        assertBadField(Map.of("url", "ftp://example.com/hook", "events", List.of("ticket.created")), "url");
        assertBadField(Map.of("url", "https://example.com/hook", "events", List.of()), "events");
        assertBadField(Map.of("url", "https://example.com/hook", "events", List.of("ticket.exploded")), "events[0]");
        assertBadField(Map.of("events", List.of("ticket.created")), "url");
        Reply otherDepartment = http("POST", "/webhooks", "hradmin", Map.of("url", "https://example.com/hook", "events",
                List.of("ticket.created"), "department", "it"));
        assertEquals(400, otherDepartment.status());
        assertEquals("department", otherDepartment.body().get("errors").get(0).get("field").asText());
        assertEquals("nothing stored", 0, http("GET", "/webhooks", "hradmin", null).body().get("items").size());

        long id = subscribe("admin", Map.of("url", "https://example.com/hook", "events", List.of("sla.breached"))).get("id").asLong();
        Reply off = http("PUT", "/webhooks/" + id, "admin", Map.of("url", "https://example.com/hook", "events", List.of("sla.breached"),
                "enabled", false));
        assertEquals(off.raw().body(), 200, off.status());
        assertFalse(off.body().get("enabled").asBoolean());
        assertBadPut(id, Map.of("url", "https://example.com/hook", "events", List.of("nope")), "events[0]");
        assertEquals(204, http("DELETE", "/webhooks/" + id, "admin", null).status());
        assertEquals(404, http("GET", "/webhooks/" + id, "admin", null).status());
    }

    private void assertBadField(Map<String, Object> body, String field) throws Exception {
        Reply reply = http("POST", "/webhooks", "admin", body);
        assertEquals(reply.raw().body(), 400, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(reply.raw().body(), field, reply.body().get("errors").get(0).get("field").asText());
    }

    private void assertBadPut(long id, Map<String, Object> body, String field) throws Exception {
        Reply reply = http("PUT", "/webhooks/" + id, "admin", body);
        assertEquals(reply.raw().body(), 400, reply.status());
        assertEquals(field, reply.body().get("errors").get(0).get("field").asText());
    }
}
