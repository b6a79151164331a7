package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.atrium.api.directory.Person;
import org.atrium.core.internal.SettableClock;
import org.atrium.core.internal.mail.out.MailSettings;
import org.atrium.core.internal.mail.out.MailStore;
import org.atrium.core.internal.mail.out.MailTemplates;
import org.atrium.core.internal.mail.out.QueuedMail;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who hears why their mail was refused, in which language, and how often; on both databases. */
class AutoAnswersTest {
    private static final Instant NOW = Instant.parse("2026-03-03T10:59:30Z");
    private static final MailSettings OUTGOING = MailSettings.of(Map.of("enabled", "true", "from", "atrium@atrium.example",
            "replyMailbox", "support@atrium.example", "portalUrl", "https://desk.example/portal/"));
    private static final InboundSettings INBOUND = InboundMailPoller.effective(InboundSettings.from(Map.of()), OUTGOING);
    private static final Outcome UNKNOWN = new Outcome(Outcome.REJECTED, null, null, "facility", "unknown sender",
            Outcome.Refusal.UNKNOWN_SENDER);
    private static final Person ANNA = new Person("anna", "Anna Albrecht", "anna@example.com", "de", null, null, "DE", null,
            Set.of("employee"), true, null);
    private final SettableClock clock = new SettableClock(NOW);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnknownSenderHearsWhyInBothLanguagesOnceAnHourAlsoWithTwoNodes(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("autoanswer", engine)) {
            AutoAnswers node = answers(databases.database());
            AutoAnswers otherNode = answers(databases.secondNode());
            MimeMessage mail = Mails.parse("From: stranger@elsewhere.example", "To: facility@atrium.example", "Subject: Door stuck", "", "x");
            assertTrue(node.answer(mail, "stranger@elsewhere.example", UNKNOWN, Optional.empty(), INBOUND, OUTGOING));

            QueuedMail answer = due(databases.database()).get(0);
            assertEquals("stranger@elsewhere.example", answer.recipient());
            assertEquals("auto-replied", answer.autoSubmitted());
            assertEquals("Re: Door stuck", answer.subject(), "answered as a mail client answers; the body says why");
            assertTrue(answer.text().contains("gehört zu niemandem") && answer.text().contains("does not belong to anyone"), answer.text());
            assertTrue(answer.text().contains("https://desk.example/portal/"), answer.text());
            assertTrue(answer.html().contains("<hr>") && answer.html().indexOf("<body") == answer.html().lastIndexOf("<body"), answer.html());
            assertFalse(answer.messageId().startsWith("<atrium."), "a reply to the answer must not look like a forged ticket reference");

            assertFalse(otherNode.answer(mail, "stranger@elsewhere.example", UNKNOWN, Optional.empty(), INBOUND, OUTGOING),
                    "the other node sees the answer of this window");
            clock.advance(Duration.ofMinutes(1)); // the next window has begun, but the last answer is a minute old
            assertFalse(node.answer(mail, "stranger@elsewhere.example", UNKNOWN, Optional.empty(), INBOUND, OUTGOING));
            clock.advance(Duration.ofMinutes(60));
            assertTrue(otherNode.answer(mail, "stranger@elsewhere.example", UNKNOWN, Optional.empty(), INBOUND, OUTGOING),
                    "an hour later the sender hears again");
            assertEquals(2, databases.count("mail_message"));
        }
    }

    @Test
    void aKnownPersonHearsInTheDirectorysLanguage() throws Exception {
        try (TestDatabases databases = TestDatabases.open("autoanswerde")) {
            MimeMessage mail = Mails.parse("From: anna@example.com", "To: support+HR-4.0123456789abcdef@atrium.example", "Subject: Re: Urlaub",
                    "", "x");
            Outcome refused = new Outcome(Outcome.REJECTED, "HR-4", "anna", null, "anna may not comment on HR-4", Outcome.Refusal.NOT_ALLOWED);
            assertTrue(answers(databases.database()).answer(mail, "anna@example.com", refused, Optional.of(ANNA), INBOUND, OUTGOING));
            QueuedMail answer = due(databases.database()).get(0);
            assertEquals("Re: Urlaub", answer.subject(), "no second Re:");
            assertTrue(answer.text().startsWith("Hallo Anna Albrecht,") && answer.text().contains("Vorgang HR-4"), answer.text());
            assertFalse(answer.text().contains("Hello"), answer.text());
        }
    }

    @Test
    void noAnswerToAutomaticMailListsLoopsOurOwnAddressesOrWhenSwitchedOff() throws Exception {
        String[] to = {"To: facility@atrium.example", "Subject: x"};
        assertEquals(Optional.empty(), why(Mails.parse("From: stranger@elsewhere.example", to[0], to[1], "", "x"), "stranger@elsewhere.example"));
        assertTrue(why(Mails.parse("From: stranger@elsewhere.example", "Auto-Submitted: auto-replied", to[0], to[1], "", "x"),
                "stranger@elsewhere.example").isPresent());
        assertTrue(why(Mails.parse("From: list@elsewhere.example", "Precedence: list", to[0], to[1], "", "x"), "list@elsewhere.example").isPresent());
        assertTrue(why(Mails.parse("From: MAILER-DAEMON@elsewhere.example", to[0], to[1], "", "x"), "mailer-daemon@elsewhere.example").isPresent());
        assertTrue(why(Mails.parse("From: atrium@atrium.example", to[0], to[1], "", "x"), "atrium@atrium.example").isPresent(),
                "outgoing mail's own sender");
        MimeMessage person = Mails.parse("From: stranger@elsewhere.example", to[0], to[1], "", "x");
        assertTrue(AutoAnswers.whyNoAnswer(person, "stranger@elsewhere.example", UNKNOWN,
                InboundSettings.from(Map.of("autoAnswer", "false")), OUTGOING).isPresent());
        assertTrue(AutoAnswers.whyNoAnswer(person, "stranger@elsewhere.example", UNKNOWN, INBOUND, MailSettings.DISABLED).isPresent());
        assertTrue(AutoAnswers.whyNoAnswer(person, "stranger@elsewhere.example", new Outcome(Outcome.IGNORED, null, null, null, "x"),
                INBOUND, OUTGOING).isPresent(), "only refusals are answered");
    }

    private static Optional<String> why(MimeMessage mail, String sender) throws Exception {
        return AutoAnswers.whyNoAnswer(mail, sender, UNKNOWN, INBOUND, OUTGOING);
    }

    private AutoAnswers answers(Database db) {
        return new AutoAnswers(db, new MailTemplates(MailTemplates.Overrides.NONE), clock);
    }

    private List<QueuedMail> due(Database db) {
        return db.inTransaction(em -> MailStore.claim(em, db.dialect(), clock.instant().plusSeconds(1), 10));
    }
}
