package org.atrium.core.internal.mail.in;

import static org.atrium.core.internal.mail.TestSmtp.only;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.atrium.core.internal.SettableClock;
import org.atrium.core.internal.mail.TestSmtp;
import org.atrium.core.internal.mail.out.MailConfiguration;
import org.atrium.core.internal.mail.out.MailSettings;
import org.atrium.core.internal.mail.out.MailStore;
import org.atrium.core.internal.mail.out.MailTemplates;
import org.atrium.core.internal.mail.out.MailThread;
import org.atrium.core.internal.mail.out.MailWorker;
import org.atrium.core.internal.mail.out.OutgoingMail;
import org.atrium.core.internal.mail.out.RenderedMail;
import org.atrium.core.internal.mail.out.SmtpSender;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * An answer to a refused mail, as the SMTP server (GreenMail) receives it: threaded under that mail by
 * In-Reply-To, References and "Re:", and never carrying a header value with a line break from the
 * refused mail (header injection); through the real queue on both databases.
 */
class AnswerThreadingTest {
    private static final Instant NOW = Instant.parse("2026-03-03T10:59:30Z");
    private static final Outcome UNKNOWN = new Outcome(Outcome.REJECTED, null, null, "facility", "unknown sender",
            Outcome.Refusal.UNKNOWN_SENDER);
    private final SettableClock clock = new SettableClock(NOW);
    private GreenMail smtp;
    private MailSettings outgoing;

    @BeforeEach
    void startSmtp() throws IOException {
        int port = TestSmtp.freePort();
        smtp = TestSmtp.start(port);
        outgoing = MailSettings.of(Map.of("enabled", "true", "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(port),
                "from", "atrium@atrium.example", "replyMailbox", "support@atrium.example", "portalUrl", "https://desk.example/portal/"));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAnswerIsThreadedUnderTheMailItAnswersAndCarriesNoInjectedHeader(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("answerthread", engine)) {
            InboundSettings inbound = InboundMailPoller.effective(InboundSettings.from(Map.of()), outgoing);
            AutoAnswers answers = new AutoAnswers(databases.database(), new MailTemplates(MailTemplates.Overrides.NONE), clock);
            MailWorker worker = new MailWorker(databases.database(), new MailConfiguration(outgoing), new SmtpSender(), clock, false);

            MimeMessage threaded = Mails.parse("From: one@elsewhere.example", "To: facility@atrium.example", "Subject: Door stuck",
                    "Message-ID: <m1@elsewhere.example>", "References: <r0@elsewhere.example>", "  <r1@elsewhere.example>", "", "x");
            MimeMessage injectedId = Mails.parse("From: two@elsewhere.example", "To: facility@atrium.example", "Subject: RE: Door stuck",
                    "", "x");
            injectedId.setHeader("Message-ID", "<m2@elsewhere.example>\r\nBcc: victim@elsewhere.example");
            MimeMessage foldedId = Mails.parse("From: three@elsewhere.example", "To: facility@atrium.example",
                    "Subject: =?UTF-8?Q?Door=0D=0ABcc:_victim@elsewhere.example?=", "Message-ID: <m3@elsewhere.example>",
                    " Bcc: victim@elsewhere.example", "", "x");
            MimeMessage injectedReferences = Mails.parse("From: four@elsewhere.example", "To: facility@atrium.example",
                    "Message-ID: <m4@elsewhere.example>", "", "x");
            injectedReferences.setHeader("References", "<r0@elsewhere.example>\r\nBcc: victim@elsewhere.example");
            for (MimeMessage mail : List.of(threaded, injectedId, foldedId, injectedReferences)) {
                String sender = mail.getFrom()[0].toString();
                assertTrue(answers.answer(mail, sender, UNKNOWN, Optional.empty(), inbound, outgoing), sender);
            }
            assertEquals(4, worker.sendDue(100));
            assertEquals(4, smtp.getReceivedMessages().length, "nobody else got an answer (no injected Bcc)");

            MimeMessage one = only(smtp, "one@elsewhere.example");
            assertEquals("Re: Door stuck", one.getSubject());
            assertArrayEquals(new String[] {"<m1@elsewhere.example>"}, one.getHeader("In-Reply-To"));
            assertEquals("<r0@elsewhere.example> <r1@elsewhere.example> <m1@elsewhere.example>", unfolded(one, "References"));
            assertEquals("auto-replied", one.getHeader("Auto-Submitted")[0]);

            MimeMessage two = only(smtp, "two@elsewhere.example");
            assertEquals("RE: Door stuck", two.getSubject(), "a subject that is an answer already gets no second Re:");
            assertNull(two.getHeader("In-Reply-To"), "a Message-ID with a line break is refused, not echoed");
            assertNull(two.getHeader("References"));
            assertNull(two.getHeader("Bcc"));

            MimeMessage three = only(smtp, "three@elsewhere.example");
            assertEquals("Re: Door Bcc: victim@elsewhere.example", three.getSubject(), "the subject's line break became a blank");
            assertNull(three.getHeader("In-Reply-To"), "a folded Message-ID that holds more than one id is refused");
            assertNull(three.getHeader("Bcc"));

            MimeMessage four = only(smtp, "four@elsewhere.example");
            assertArrayEquals(new String[] {"<m4@elsewhere.example>"}, four.getHeader("In-Reply-To"));
            assertEquals("<m4@elsewhere.example>", unfolded(four, "References"), "References with a line break are left out");
            assertTrue(four.getSubject().startsWith("Ihre Mail wurde nicht verarbeitet: (no subject) / Your mail was not processed"),
                    "without a subject the template's German and English subject stays: " + four.getSubject());
            assertNull(four.getHeader("Bcc"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aQueuedThreadWithALineBreakIsNotSentAsAHeader(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("answerthreadrow", engine)) {
            // a row written by anything but MailThread.answering (an older node, a hand-made row): SmtpSender checks again
            MailThread forged = new MailThread("<a@b.example>\r\nBcc: victim@elsewhere.example", "<a@b.example>");
            databases.database().inTransaction(em -> MailStore.enqueue(em, new OutgoingMail(1, "five@elsewhere.example", null,
                    "answer-unknown-sender", "en", null, new RenderedMail("Re: x", "text", "<html><body>text</body></html>"),
                    "<answer.1@atrium.example>", null, forged), NOW));
            new MailWorker(databases.database(), new MailConfiguration(outgoing), new SmtpSender(), clock, false).sendDue(10);
            MimeMessage five = only(smtp, "five@elsewhere.example");
            assertNull(five.getHeader("In-Reply-To"));
            assertNull(five.getHeader("References"));
            assertEquals(1, smtp.getReceivedMessages().length);
        }
    }

    private static String unfolded(MimeMessage mail, String header) throws Exception {
        return jakarta.mail.internet.MimeUtility.unfold(mail.getHeader(header, " ")).replaceAll("\\s+", " ").strip();
    }
}
