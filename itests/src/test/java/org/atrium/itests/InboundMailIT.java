package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.inject.Inject;
import javax.sql.DataSource;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Inbound mail in the real container against a real IMAP server (GreenMail, started by the driver):
 * mails are appended to the mailbox over IMAP, as a mail server delivers them, and the running
 * poller (configured through Config Admin while Atrium runs) turns them into comments and tickets,
 * read back through REST. The reply tokens come from the server's own signing key and MailReference.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InboundMailIT extends AtriumTestSupport {
    private static final String FACILITY = "facility@atrium.example";
    private static final String SENDER = "atrium@atrium.example";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @Inject
    @Filter("(osgi.jndi.service.name=atrium)")
    private DataSource database;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(systemProperty("atrium.itest.imap.port").value(Integer.toString(TestMailServer.imapPort())));
        options.add(systemProperty("atrium.itest.smtp.port").value(Integer.toString(TestMailServer.smtpPort())));
        return options.toArray(new Option[0]);
    }

    /**
     * Switched on while Atrium runs, as an administrator saving etc/org.atrium.mail.cfg and
     * etc/org.atrium.mail.inbound.cfg does. Outgoing mail goes to the same test server; its sender and
     * reply mailbox are not listed as ownAddresses of inbound mail (inbound mail takes them from mail's).
     */
    @Before
    public void inboundMailOn() throws Exception {
        waitForApi();
        org.osgi.service.cm.Configuration outgoing = configurationAdmin.getConfiguration("org.atrium.mail", null);
        if (outgoing.getProperties() == null || !"true".equals(outgoing.getProperties().get("enabled"))) {
            outgoing.update(new Hashtable<>(Map.of("enabled", "true", "smtp.host", "127.0.0.1", "smtp.port",
                    System.getProperty("atrium.itest.smtp.port"), "from", SENDER, "replyMailbox", TestMailServer.MAILBOX,
                    "portalUrl", apiBase().replace("/api/v1", "/portal/"), "apiUrl", apiBase())));
            Thread.sleep(2_000); // Config Admin hands the change over asynchronously
        }
        org.osgi.service.cm.Configuration inbound = configurationAdmin.getConfiguration("org.atrium.mail.inbound", null);
        if (inbound.getProperties() != null && "true".equals(inbound.getProperties().get("enabled"))) {
            return;
        }
        Hashtable<String, Object> settings = new Hashtable<>(Map.of("enabled", "true", "imap.host", "127.0.0.1",
                "imap.port", System.getProperty("atrium.itest.imap.port"), "imap.ssl", "false", "user", TestMailServer.LOGIN,
                "password", TestMailServer.PASSWORD, "pollSeconds", "1", "processedFolder", "Processed", "unknownSenders", "reject"));
        settings.put("address." + FACILITY, "facility:facility.repair");
        settings.put("fields." + FACILITY, "{\"building\": \"(by mail)\", \"room\": \"(by mail)\", \"category\": \"other\"}");
        inbound.update(settings);
    }

    @Test
    public void aReplyToANotificationBecomesAPublicCommentOfItsSender() throws Exception {
        String key = incident("VPN drops every hour (mail reply)");
        deliver("<reply-a1@mail.example>", "From: Anna Albrecht <anna@example.com>", "To: Atrium <" + reference("replyAddress", key) + ">",
                "Subject: Re: something unrelated", "", "It drops at home too.", "",
                "On Mon, 3 Mar 2026 at 10:15, Atrium <support@atrium.example> wrote:", "> Ina commented on " + key);
        assertEquals("commented", outcome("<reply-a1@mail.example>")[0]);
        // an agent's mail client answers with In-Reply-To only, to the plain address
        deliver("<reply-a2@mail.example>", "From: ina@example.com", "To: support@atrium.example",
                "In-Reply-To: " + reference("messageId", key), "Subject: Re: VPN", "", "Please try the new client.", "-- ", "Ina, IT");
        assertEquals("commented", outcome("<reply-a2@mail.example>")[0]);

        JsonNode comments = http("GET", "/tickets/" + key + "/comments", "anna", null).body();
        assertEquals(comments.toString(), 2, comments.size());
        assertEquals("anna", comments.get(0).get("author").asText());
        assertEquals("It drops at home too.", comments.get(0).get("body").asText());
        assertFalse(comments.get(0).get("internal").asBoolean());
        assertEquals("ina", comments.get(1).get("author").asText());
        assertEquals("Please try the new client.", comments.get(1).get("body").asText());

        // a valid reference does not let anyone comment: hanna is no agent of IT and not the requester
        deliver("<reply-a3@mail.example>", "From: hanna@example.com", "To: " + reference("replyAddress", key), "Subject: Re", "",
                "I should not be able to comment.");
        assertEquals("rejected", outcome("<reply-a3@mail.example>")[0]);
        assertEquals(2, http("GET", "/tickets/" + key + "/comments", "anna", null).body().size());
        String audit = http("GET", "/audit?action=mail-commented", "admin", null).raw().body();
        assertTrue(audit, audit.contains(key));
    }

    @Test
    public void aForgedReferenceAddsNothingAndDoesNotFallBackToTheSubject() throws Exception {
        String key = incident("Printer offline (forged reply)");
        String valid = reference("replyAddress", key);
        String forged = valid.replaceAll("\\.[0-9a-f]{16}@", ".0123456789abcdef@");
        assertFalse(valid.equals(forged));
        deliver("<forged-d1@mail.example>", "From: anna@example.com", "To: " + forged, "Subject: Re: " + key, "", "Forged comment");
        String[] outcome = outcome("<forged-d1@mail.example>");
        assertEquals("rejected", outcome[0]);
        assertTrue(outcome[2], outcome[2].contains("signature"));
        assertEquals(0, http("GET", "/tickets/" + key + "/comments", "anna", null).body().size());
    }

    @Test
    public void aMailToTheFacilityAddressOpensATicketWithItsAttachment() throws Exception {
        deliver("<facility-b1@mail.example>", "From: Anna Albrecht <anna@example.com>", "To: " + FACILITY,
                "Subject: Ceiling light flickers in 4.12", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b1", "",
                "--b1", "Content-Type: text/plain; charset=UTF-8", "", "The light in room 4.12 flickers since Monday.", "--b1",
                "Content-Type: image/png; name=light.png", "Content-Disposition: attachment; filename=light.png",
                "Content-Transfer-Encoding: base64", "", Base64.getMimeEncoder().encodeToString(PNG), "--b1--");
        String[] outcome = outcome("<facility-b1@mail.example>");
        assertEquals(Arrays.toString(outcome), "created", outcome[0]);
        String key = outcome[1];
        assertTrue(key, key.startsWith("FAC-"));

        JsonNode ticket = http("GET", "/tickets/" + key, "anna", null).body();
        assertEquals("facility.repair", ticket.get("type").asText());
        assertEquals("anna", ticket.get("requester").asText());
        assertEquals("Ceiling light flickers in 4.12", ticket.get("summary").asText());
        assertEquals("The light in room 4.12 flickers since Monday.", ticket.get("description").asText());
        assertEquals("other", ticket.get("fields").get("category").asText());
        JsonNode files = http("GET", "/tickets/" + key + "/attachments", "felix", null).body().get("items");
        assertEquals(files.toString(), 1, files.size());
        assertEquals("light.png", files.get(0).get("fileName").asText());
        assertEquals("image/png", files.get(0).get("contentType").asText());
        assertEquals(PNG.length, files.get(0).get("size").asInt());
    }

    @Test
    public void autoRepliesAndUnknownSendersOpenNothing() throws Exception {
        deliver("<auto-c1@mail.example>", "From: anna@example.com", "To: " + FACILITY, "Auto-Submitted: auto-replied",
                "Subject: Out of office (auto reply)", "", "I am away until Monday.");
        deliver("<auto-c2@mail.example>", "From: anna@example.com", "To: " + FACILITY, "Precedence: bulk",
                "Subject: Out of office (bulk)", "", "I am away until Monday.");
        deliver("<unknown-c3@mail.example>", "From: stranger@elsewhere.example", "To: " + FACILITY,
                "Subject: Out of office (stranger)", "", "Hello");
        assertEquals("ignored", outcome("<auto-c1@mail.example>")[0]);
        assertEquals("ignored", outcome("<auto-c2@mail.example>")[0]);
        String[] unknown = outcome("<unknown-c3@mail.example>");
        assertEquals("rejected", unknown[0]);
        assertNull(unknown[1]);
        String queue = http("GET", "/tickets?department=facility&limit=200", "felix", null).raw().body();
        assertFalse(queue, queue.contains("Out of office"));

        // the stranger hears why, in German and English, as an auto-reply threaded under the mail; the auto-replies get no answer
        Message answer = mailIn("stranger@elsewhere.example", "Re: Out of office (stranger)");
        assertEquals("<unknown-c3@mail.example>", answer.getHeader("In-Reply-To")[0]);
        assertEquals("<unknown-c3@mail.example>", answer.getHeader("References")[0].strip());
        assertEquals("auto-replied", answer.getHeader("Auto-Submitted")[0]);
        String text = textOf(answer);
        assertTrue(text, text.contains("stranger@elsewhere.example gehört zu niemandem") && text.contains("does not belong to anyone"));
        for (Message toAnna : mails("anna@example.com")) {
            assertFalse(toAnna.getSubject(), toAnna.getSubject().contains("Out of office"));
        }
    }

    /**
     * The whole round trip: the server mails ina's public comment to anna; anna answers it as a mail
     * client does (to its Reply-To, In-Reply-To and References its Message-ID, "Re:", the original
     * quoted below "Am ... schrieb ...:"), sent over SMTP to the mail server, which delivers it into
     * the support mailbox; it becomes one public comment of anna's, without the quote. The mail her
     * comment causes (to the watcher ina) neither comes back as a comment when it is redirected into
     * the support mailbox, nor does ina's out-of-office answer to it.
     */
    @Test
    public void aReplyToAMailTheServerSentBecomesOneCommentAndItsOwnNotificationDoesNotComeBack() throws Exception {
        String key = incident("VPN bricht ab (echte Antwort)");
        assertEquals(200, http("POST", "/tickets/" + key + "/watchers", "ina", null).status());
        assertEquals(201, http("POST", "/tickets/" + key + "/comments", "ina",
                Map.of("body", "Bitte starten Sie den VPN-Client neu und sagen Sie mir, ob es noch abbricht.")).status());
        Message notification = mailIn("anna@example.com", "[" + key + "] Neuer Kommentar");
        String original = textOf(notification);
        System.out.println("---- InboundMailIT: the notification anna answers (German) ----\n" + original);
        String replyTo = ((InternetAddress) notification.getReplyTo()[0]).getAddress();
        assertTrue(replyTo, replyTo.startsWith("support+" + key + "."));
        String messageId = notification.getHeader("Message-ID")[0];

        StringBuilder quoted = new StringBuilder();
        for (String line : original.split("\r?\n")) {
            quoted.append("> ").append(line).append("\n");
        }
        String reply = "Habe ich gemacht, jetzt läuft es wieder stabil.\nDanke!\n\n"
                + "Am 03.03.26 um 10:15 schrieb Atrium:\n" + quoted;
        String replyId = "<anna-reply-" + System.nanoTime() + "@example.com>";
        send(replyId, "Anna Albrecht <anna@example.com>", replyTo, "Re: " + notification.getSubject(), reply,
                Map.of("In-Reply-To", messageId, "References", messageId));
        String[] outcome = outcome(replyId);
        assertEquals(Arrays.toString(outcome), "commented", outcome[0]);
        assertEquals(key, outcome[1]);

        JsonNode comments = http("GET", "/tickets/" + key + "/comments", "anna", null).body();
        assertEquals(comments.toString(), 2, comments.size());
        assertEquals("anna", comments.get(1).get("author").asText());
        assertFalse(comments.get(1).get("internal").asBoolean());
        assertEquals("Habe ich gemacht, jetzt läuft es wieder stabil.\nDanke!", comments.get(1).get("body").asText());

        // her comment is mailed to the watcher ina; a forwarding rule puts that mail into the support mailbox
        Message toIna = mailIn("ina@example.com", "[" + key + "] New comment");
        String inaText = textOf(toIna);
        System.out.println("---- InboundMailIT: the watcher's mail (English) ----\n" + inaText);
        assertTrue(inaText, inaText.contains("Habe ich gemacht, jetzt läuft es wieder stabil.") && !inaText.contains("> "));
        String redirectedId = toIna.getHeader("Message-ID")[0];
        append(toIna);
        assertEquals("ignored", outcome(redirectedId)[0]);
        // and ina's out-of-office answers it
        String awayId = "<ina-away-" + System.nanoTime() + "@example.com>";
        send(awayId, "Ina <ina@example.com>", ((InternetAddress) toIna.getReplyTo()[0]).getAddress(), "Abwesend: " + toIna.getSubject(),
                "Ich bin bis Montag nicht im Büro.", Map.of("Auto-Submitted", "auto-replied", "In-Reply-To", redirectedId));
        assertEquals("ignored", outcome(awayId)[0]);
        assertEquals(2, http("GET", "/tickets/" + key + "/comments", "anna", null).body().size());
    }

    // ---- helpers ----

    private String incident(String summary) throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", summary, "impact", "low",
                "urgency", "low", "fields", Map.of("affectedService", "vpn")));
        assertEquals(created.raw().body(), 201, created.status());
        return created.body().get("key").asText();
    }

    /** MailReference's replyAddress or messageId for the ticket, with the key the server signs with (from its SigningKeys). */
    private String reference(String what, String ticketKey) throws Exception {
        Bundle core = Arrays.stream(bundleContext.getBundles()).filter(b -> "org.atrium.core".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        ServiceReference<?>[] found = bundleContext.getAllServiceReferences("org.atrium.core.internal.secret.SigningKeys", null);
        Object keys = bundleContext.getService(found[0]);
        Class<?> referenceClass = core.loadClass("org.atrium.core.internal.mail.MailReference");
        byte[] key = (byte[]) keys.getClass().getMethod("key", String.class)
                .invoke(keys, referenceClass.getField("KEY_NAME").get(null));
        Object reference = referenceClass.getConstructor(byte[].class).newInstance((Object) key);
        return "replyAddress".equals(what)
                ? (String) referenceClass.getMethod("replyAddress", String.class, String.class).invoke(reference, ticketKey, TestMailServer.MAILBOX)
                : (String) referenceClass.getMethod("messageId", String.class, String.class, String.class)
                        .invoke(reference, ticketKey, Long.toHexString(System.nanoTime()), "atrium.example");
    }

    /** Sends a mail over SMTP to the test mail server, as a person's mail client does. */
    private static void send(String messageId, String from, String to, String subject, String text, Map<String, String> headers)
            throws Exception {
        withMailClassLoader(() -> {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", System.getProperty("atrium.itest.smtp.port"));
            Session session = Session.getInstance(properties);
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(from));
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            mail.setSubject(subject, "UTF-8");
            mail.setText(text, "UTF-8");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                mail.setHeader(header.getKey(), header.getValue());
            }
            mail.setSentDate(new java.util.Date());
            Transport.send(mail);
            return null;
        });
    }

    /** Puts a mail as it is into the support inbox (what a forwarding rule does). */
    private static void append(Message mail) throws Exception {
        withMailClassLoader(() -> {
            try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
                store.connect("127.0.0.1", Integer.getInteger("atrium.itest.imap.port"), TestMailServer.LOGIN, TestMailServer.PASSWORD);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                inbox.appendMessages(new Message[] {mail});
                inbox.close(false);
            }
            return null;
        });
    }

    /** The first mail in a person's mailbox whose subject starts so, waiting for it (the queue sends every 2 s). */
    private static Message mailIn(String address, String subjectStart) throws Exception {
        Message[] found = new Message[1];
        waitUntil("a mail to " + address + ": " + subjectStart, Duration.ofSeconds(90), () -> {
            try {
                found[0] = mails(address).stream().filter(mail -> {
                    try {
                        return mail.getSubject() != null && mail.getSubject().startsWith(subjectStart);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
            } catch (Exception e) {
                return false;
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** Every mail in a person's mailbox, read over IMAP (login and password: the address), as copies that outlive the connection. */
    private static List<Message> mails(String address) throws Exception {
        return withMailClassLoader(() -> {
            List<Message> copies = new ArrayList<>();
            Session session = Session.getInstance(new Properties());
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", Integer.getInteger("atrium.itest.imap.port"), address, address);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message mail : inbox.getMessages()) {
                    copies.add(new MimeMessage((MimeMessage) mail));
                }
                inbox.close(false);
            }
            return copies;
        });
    }

    /** The plain-text part of a mail (parsed from its data source: no content handlers needed in OSGi). */
    private static String textOf(Message mail) throws Exception {
        return withMailClassLoader(() -> {
            if (!mail.isMimeType("multipart/*")) {
                return String.valueOf(mail.getContent());
            }
            MimeMultipart parts = new MimeMultipart(mail.getDataHandler().getDataSource());
            try (java.io.InputStream in = parts.getBodyPart(0).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }

    private interface MailWork<T> {
        T run() throws Exception;
    }

    /** Jakarta Mail finds its providers through the context class loader: Angus Mail's. */
    private static <T> T withMailClassLoader(MailWork<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Appends the mail to the IMAP inbox over IMAP, unread, as a mail server delivers it. */
    private static void deliver(String messageId, String... headersAndBody) throws Exception {
        List<String> lines = new ArrayList<>(List.of("Message-ID: " + messageId, "Date: Mon, 3 Mar 2026 10:20:00 +0100"));
        lines.addAll(List.of(headersAndBody));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader());
        try {
            Session session = Session.getInstance(new Properties());
            MimeMessage mail = new MimeMessage(session,
                    new ByteArrayInputStream(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8)));
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", Integer.getInteger("atrium.itest.imap.port"), TestMailServer.LOGIN, TestMailServer.PASSWORD);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                inbox.appendMessages(new Message[] {mail});
                inbox.close(false);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Outcome, ticket key and detail of the mail, once processed (the poller runs every second). */
    private String[] outcome(String messageId) throws Exception {
        String[][] row = new String[1][];
        waitUntil("mail " + messageId + " processed", Duration.ofSeconds(60), () -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT outcome, ticket_key, detail FROM inbound_mail WHERE message_id = ? AND state = 'done'")) {
                query.setString(1, messageId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        row[0] = new String[] {rows.getString(1), rows.getString(2), rows.getString(3)};
                    }
                    return row[0] != null;
                }
            } catch (Exception e) {
                return false;
            }
        });
        return row[0];
    }
}
