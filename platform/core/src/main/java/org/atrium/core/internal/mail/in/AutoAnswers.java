package org.atrium.core.internal.mail.in;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.atrium.api.directory.Person;
import org.atrium.core.internal.mail.out.MailSettings;
import org.atrium.core.internal.mail.out.MailStore;
import org.atrium.core.internal.mail.out.MailThread;
import org.atrium.core.internal.mail.out.MailTemplates;
import org.atrium.core.internal.mail.out.OutgoingMail;
import org.atrium.core.internal.mail.out.RenderedMail;
import org.atrium.core.internal.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the sender of a refused mail in a few lines why nothing happened (templates {@code answer-<kind>},
 * in the directory's language for a known person, else German and English in one mail), through the
 * mail queue with {@code Auto-Submitted: auto-replied}, threaded under the refused mail (In-Reply-To,
 * References, {@code Re:} its subject). Never to automatic mail, lists, loops or
 * Atrium's own addresses ({@link LoopGuard}), and at most one answer per sender per
 * {@code autoAnswerMinutes}.
 *
 * <p>The limit holds across nodes without a table of its own: an answer is queued under the event id
 * {@code -(minutes since 1970 / autoAnswerMinutes)} (notifications use positive outbox ids), and
 * mail_message's unique (event_id, recipient) lets only one node queue it in a window; the answers of
 * the current and the previous window are looked up by that index before, so the limit is also kept
 * across a window's boundary.
 */
final class AutoAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(AutoAnswers.class);
    /** Line breaks and other control characters of a subject (header injection), with the blanks around them. */
    private static final Pattern ONE_LINE = Pattern.compile("\\s*\\p{Cntrl}[\\s\\p{Cntrl}]*");
    private static final int MAX_SUBJECT = 300;
    private final Database db;
    private final MailTemplates templates;
    private final Clock clock;

    AutoAnswers(Database db, MailTemplates templates, Clock clock) {
        this.db = db;
        this.templates = templates;
        this.clock = clock;
    }

    /** Why a refused mail gets no answer, or empty when it gets one. */
    static Optional<String> whyNoAnswer(MimeMessage mail, String sender, Outcome outcome, InboundSettings inbound, MailSettings outgoing)
            throws MessagingException {
        if (outcome.refusal() == null) {
            return Optional.of("not refused");
        }
        if (!inbound.autoAnswer()) {
            return Optional.of("autoAnswer = false");
        }
        if (!outgoing.enabled()) {
            return Optional.of("outgoing mail is off (etc/org.atrium.mail.cfg)");
        }
        return LoopGuard.whyIgnored(mail, sender, inbound.ownAddresses());
    }

    /**
     * Queues the answer to a refused mail unless {@link #whyNoAnswer} says no or its sender had one
     * within the window; true when queued.
     */
    boolean answer(MimeMessage mail, String sender, Outcome outcome, Optional<Person> person, InboundSettings inbound, MailSettings outgoing)
            throws MessagingException {
        Optional<String> why = whyNoAnswer(mail, sender, outcome, inbound, outgoing);
        if (why.isPresent()) {
            LOG.debug("No answer to {}: {}", sender, why.get());
            return false;
        }
        String language = person.map(p -> "de".equals(p.language()) ? "de" : "en").orElse("de+en");
        RenderedMail content = inReplyTo(mail, render(outcome.refusal().template(), language, values(mail, sender, outcome, person, outgoing)));
        Instant now = clock.instant();
        long window = Duration.ofMinutes(inbound.answerMinutes()).toSeconds();
        long slot = now.getEpochSecond() / window;
        String messageId = "<answer." + UUID.randomUUID() + "@" + outgoing.domain() + ">";
        OutgoingMail answer = new OutgoingMail(-slot, sender, person.map(Person::id).orElse(null), outcome.refusal().template(), language,
                outcome.ticketKey(), content, messageId, null, MailThread.answering(mail.getMessageID(), mail.getHeader("References", " ")));
        try {
            boolean queued = db.inTransaction(em -> {
                Number recent = (Number) em.createNativeQuery("SELECT COUNT(*) FROM mail_message WHERE event_id IN (?1, ?2) AND recipient = ?3"
                        + " AND created_at > ?4").setParameter(1, -slot).setParameter(2, -(slot - 1)).setParameter(3, sender)
                        .setParameter(4, Timestamp.from(now.minusSeconds(window))).getSingleResult();
                return recent.longValue() == 0 && MailStore.enqueue(em, answer, now);
            });
            LOG.info(queued ? "Answered the refused mail of {} ({})" : "No answer to {} ({}): answered within the last {} minutes",
                    sender, outcome.refusal(), inbound.answerMinutes());
            return queued;
        } catch (RuntimeException anotherNodeAnswered) {
            // the unique (event_id, recipient): another node queued this window's answer at the same moment
            LOG.info("No answer to {}: another node answered at the same time ({})", sender, anotherNodeAnswered.toString());
            return false;
        }
    }

    private static Map<String, String> values(MimeMessage mail, String sender, Outcome outcome, Optional<Person> person,
            MailSettings outgoing) throws MessagingException {
        Map<String, String> values = new HashMap<>();
        values.put("name", person.map(Person::displayName).orElse(sender));
        String subject = mail.getSubject() == null || mail.getSubject().isBlank() ? "(no subject)" : mail.getSubject().strip();
        values.put("subject", subject.length() > 200 ? subject.substring(0, 199) + "…" : subject);
        values.put("key", outcome.ticketKey() == null ? "" : outcome.ticketKey());
        values.put("portalUrl", outgoing.portalUrl());
        values.put("address", sender);
        return values;
    }

    /**
     * The subject {@code Re: <the refused mail's subject>}, as a mail client answers, so that clients that
     * thread by subject too keep the answer with the mail; the template's subject (the German and English
     * "not processed") only for a mail without subject; the body says why.
     */
    private static RenderedMail inReplyTo(MimeMessage mail, RenderedMail content) throws MessagingException {
        String subject = mail.getSubject() == null ? "" : ONE_LINE.matcher(mail.getSubject()).replaceAll(" ").strip();
        if (subject.isEmpty()) {
            return content;
        }
        subject = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject;
        return new RenderedMail(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, content.text(), content.html());
    }

    /** One language, or for {@code de+en} the German text above the English one. */
    private RenderedMail render(String template, String language, Map<String, String> values) {
        if (!"de+en".equals(language)) {
            return templates.render(template, language, null, values);
        }
        RenderedMail german = templates.render(template, "de", null, values);
        RenderedMail english = templates.render(template, "en", null, values);
        String html = german.html().substring(0, german.html().indexOf("</body>")) + "<hr>\n"
                + english.html().substring(english.html().indexOf("<body"), english.html().indexOf("</body>")).replaceFirst("^<body[^>]*>", "")
                + "</body></html>\n";
        return new RenderedMail(german.subject() + " / " + english.subject(), german.text().stripTrailing() + "\n\n----\n\n" + english.text(),
                html);
    }
}
