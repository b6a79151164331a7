package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.notification.MailQueue;
import org.atrium.api.notification.MailQueueReport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Mail notifications in the running distribution, read from a real SMTP server (GreenMail, started
 * inside the container on a free port; org.atrium.mail pointed at it through Config Admin): the leave
 * flow's mails, an approval decided from its mail link without signing in, a comment to requester
 * and watcher, and an SMTP outage that leaves mails pending until the server is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailIT extends AtriumTestSupport {
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/approval-links/\\S+)");
    private static GreenMail smtp;
    private static int port;

    @Inject
    private RequestTypeRegistry registry;

    @Inject
    private MailQueue queue;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version", "2.1.3")));
        return options.toArray(new Option[0]);
    }

    @Before
    public void mailServerAndApi() throws Exception {
        waitUntil("the department types", Duration.ofSeconds(30), () -> registry.find("hr.leave").isPresent());
        waitForApi();
        if (smtp == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            smtp = startSmtp();
            Hashtable<String, Object> mail = new Hashtable<>(Map.of("enabled", "true", "smtp.host", "127.0.0.1",
                    "smtp.port", String.valueOf(port), "from", "atrium@example.com", "replyMailbox", "support@example.com",
                    "portalUrl", apiBase().replace("/api/v1", "/portal/"), "apiUrl", apiBase()));
            configurationAdmin.getConfiguration("org.atrium.mail", null).update(mail);
            Thread.sleep(2_000); // Config Admin hands the change over asynchronously
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Test
    public void theLeaveFlowByMailWithTheApprovalDecidedFromItsLink() throws Exception {
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "hr.leave", "summary", "Skiurlaub im Februar",
                "fields", Map.of("kind", "annual", "period", Map.of("from", "2027-02-01", "to", "2027-02-05"))));
        assertEquals(filed.raw().body(), 201, filed.status());
        String key = filed.body().get("key").asText();

        MimeMessage created = mailTo("anna@example.com", "[" + key + "] Ihre Anfrage ist eingegangen");
        String createdText = text(created);
        assertTrue(createdText, createdText.startsWith("Hallo Anna Albrecht,"));
        assertTrue(created.getReplyTo()[0].toString().startsWith("support+" + key + "."));
        assertTrue(created.getMessageID(), created.getMessageID().startsWith("<atrium." + key + "."));
        assertFalse("no form values of a confidential ticket", createdText.contains("annual") || createdText.contains("2027"));

        MimeMessage approval = mailTo("marc@example.com", "[" + key + "] Bitte um Genehmigung: Skiurlaub im Februar");
        String approvalText = text(approval);
        System.out.println("---- MailIT: the approver's mail (German) ----\n" + approvalText);
        Matcher link = LINK.matcher(approvalText);
        assertTrue(approvalText, link.find());
        String approve = link.group(1);
        assertTrue(approve, approve.contains(".approve."));

        HttpResponse<String> page = plain("GET", approve);
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("<form method=\"post\">") && page.body().contains("genehmigen?"));
        assertEquals("a GET decides nothing", "pending", http("GET", "/tickets/" + key, "anna", null).body().get("approval").get("state").asText());
        HttpResponse<String> decided = plain("POST", approve);
        assertEquals(decided.body(), 200, decided.statusCode());
        assertEquals("approved", http("GET", "/tickets/" + key, "anna", null).body().get("approval").get("state").asText());
        boolean byMarc = false;
        for (var row : http("GET", "/tickets/" + key + "/history", "anna", null).body()) {
            byMarc |= "marc".equals(row.get("actor").asText()) && row.toString().contains("approved");
        }
        assertTrue("the decision is the approver's", byMarc);
        HttpResponse<String> again = plain("POST", approve);
        assertEquals(again.body(), 409, again.statusCode());
        assertTrue(again.headers().firstValue("Content-Type").orElse(""), again.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        HttpResponse<String> forged = plain("GET", approve.replaceAll(".$", approve.endsWith("0") ? "1" : "0"));
        assertEquals(forged.body(), 400, forged.statusCode());
        assertTrue(forged.body(), forged.body().contains("\"token\""));

        // hanna follows the ticket: anna's public comment reaches her, not anna; hanna's reaches anna
        assertEquals(200, http("POST", "/tickets/" + key + "/watchers", "hanna", null).status());
        assertEquals("confidential: not there for IT", 404, http("POST", "/tickets/" + key + "/watchers", "ina", null).status());
        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "anna", Map.of("body", "Danke!")).status());
        assertTrue(text(mailTo("hanna@example.com", "[" + key + "] Neuer Kommentar")).contains("Danke!"));
        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "hanna", Map.of("body", "Gern geschehen")).status());
        assertTrue(text(mailTo("anna@example.com", "[" + key + "] Neuer Kommentar")).contains("Gern geschehen"));
        assertEquals(1, count("anna@example.com", "[" + key + "] Neuer Kommentar"));
    }

    @Test
    public void aCommentReachesAnEnglishWatcherAndOnlyWhoMaySeeTheTicketFollowsIt() throws Exception {
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Drucker druckt nicht",
                "fields", Map.of("affectedService", "printing")));
        assertEquals(filed.raw().body(), 201, filed.status());
        String key = filed.body().get("key").asText();
        assertEquals(403, http("POST", "/tickets/" + key + "/watchers", "felix", null).status());
        assertEquals(403, http("POST", "/tickets/" + key + "/watchers?person=ina", "anna", null).status());
        Reply watching = http("POST", "/tickets/" + key + "/watchers", "ina", null);
        assertEquals(watching.raw().body(), 200, watching.status());
        assertEquals("[\"ina\"]", watching.body().get("watchers").toString());
        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "anna", Map.of("body", "It shows error 0x42")).status());
        MimeMessage english = mailTo("ina@example.com", "[" + key + "] New comment: Drucker druckt nicht");
        String text = text(english);
        System.out.println("---- MailIT: a watcher's mail (English) ----\n" + text);
        assertTrue(text, text.contains("Anna Albrecht commented on " + key) && text.contains("It shows error 0x42"));
        assertEquals(200, http("DELETE", "/tickets/" + key + "/watchers", "ina", null).status());
        assertEquals("[]", http("GET", "/tickets/" + key + "/watchers", "anna", null).body().get("watchers").toString());
    }

    @Test
    public void anSmtpOutageLeavesMailsPendingWithTheErrorUntilTheServerIsBack() throws Exception {
        Reply filed = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Outage test",
                "fields", Map.of("affectedService", "email")));
        String key = filed.body().get("key").asText();
        mailTo("anna@example.com", "[" + key + "]");
        smtp.stop();
        try {
            assertEquals(201, http("POST", "/tickets/" + key + "/comments", "ina", Map.of("body", "Looking into it")).status());
            waitUntil("a pending mail with an error", Duration.ofSeconds(60), () -> {
                MailQueueReport report = queue.report(10);
                return report.problems().stream().anyMatch(p -> key.equals(p.ticketKey()) && "pending".equals(p.state()) && p.lastError() != null);
            });
            MailQueueReport report = queue.report(10);
            assertTrue(report.toString(), report.pending() >= 1);
        } finally {
            smtp = startSmtp();
        }
        assertTrue(text(mailTo("anna@example.com", "[" + key + "] Neuer Kommentar")).contains("Looking into it"));
    }

    private static HttpResponse<String> plain(String method, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "text/html")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The one mail to a recipient whose subject starts so, waiting for it (the queue sends every 2 s, retries after 10 s). */
    private static MimeMessage mailTo(String recipient, String subjectStart) throws Exception {
        MimeMessage[] found = new MimeMessage[1];
        waitUntil("a mail to " + recipient + ": " + subjectStart, Duration.ofSeconds(90), () -> {
            found[0] = matching(recipient, subjectStart).stream().findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static int count(String recipient, String subjectStart) {
        return matching(recipient, subjectStart).size();
    }

    private static List<MimeMessage> matching(String recipient, String subjectStart) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(recipient) && message.getSubject().startsWith(subjectStart)) {
                    mails.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** The plain-text part, decoded (parsed from the data source: no content handlers needed in OSGi). */
    private static String text(MimeMessage message) throws Exception {
        MimeMultipart parts = new MimeMultipart(message.getDataHandler().getDataSource());
        try (InputStream in = parts.getBodyPart(0).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
