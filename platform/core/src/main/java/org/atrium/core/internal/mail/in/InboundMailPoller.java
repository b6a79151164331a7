package org.atrium.core.internal.mail.in;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentService;
import org.atrium.api.directory.Directory;
import org.atrium.api.ticket.TicketService;
import org.atrium.core.internal.mail.MailReference;
import org.atrium.core.internal.mail.out.MailConfiguration;
import org.atrium.core.internal.mail.out.MailSettings;
import org.atrium.core.internal.mail.out.MailTemplates;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.secret.SigningKeys;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the IMAP mailbox of etc/org.atrium.mail.inbound.cfg every {@code pollSeconds} while
 * {@code enabled = true}; a changed or deleted configuration takes effect at once, without a restart.
 * Each node polls; {@link ProcessedMessages} lets one of them process each mail. A mail whose
 * processing fails stays unseen in the mailbox and is tried again at the next poll. The sender and
 * reply mailbox of outgoing mail (etc/org.atrium.mail.cfg) count as own addresses without being
 * listed again; the sender of a refused mail is answered ({@link AutoAnswers}).
 */
@Component(configurationPid = InboundMailPoller.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public class InboundMailPoller {
    static final String PID = "org.atrium.mail.inbound";
    private static final Logger LOG = LoggerFactory.getLogger(InboundMailPoller.class);
    private final TicketService tickets;
    private final Directory directory;
    private final AttachmentService attachments;
    private final SigningKeys keys;
    private final ProcessedMessages processed;
    private final MailConfiguration mailConfiguration;
    private final AutoAnswers answers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "atrium-mail-inbound");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> polling;
    private volatile String lastProblem;

    @Activate
    public InboundMailPoller(@Reference TicketService tickets, @Reference Directory directory, @Reference AttachmentService attachments,
            @Reference SigningKeys keys, @Reference Database db, @Reference MailConfiguration mailConfiguration, Map<String, Object> configuration) {
        this.tickets = tickets;
        this.directory = directory;
        this.attachments = attachments;
        this.keys = keys;
        this.processed = new ProcessedMessages(db, Clock.systemUTC());
        this.mailConfiguration = mailConfiguration;
        this.answers = new AutoAnswers(db, new MailTemplates(MailTemplates.Overrides.NONE), Clock.systemUTC());
        configure(configuration);
    }

    @Modified
    void configure(Map<String, Object> configuration) {
        synchronized (this) {
            if (polling != null) {
                polling.cancel(false);
                polling = null;
            }
            InboundSettings settings;
            try {
                settings = InboundSettings.from(configuration);
            } catch (IllegalArgumentException e) {
                LOG.error("Inbound mail stays off: etc/{}.cfg is wrong: {}", PID, e.getMessage());
                return;
            }
            if (!settings.enabled()) {
                LOG.info("Inbound mail is off (etc/{}.cfg: enabled = false)", PID);
                return;
            }
            LOG.info("Inbound mail: polling {}; department addresses {}", settings, settings.addresses().keySet());
            polling = timer.scheduleWithFixedDelay(() -> pollOnce(settings), 1, settings.pollSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The inbound settings with outgoing mail's sender and reply mailbox as own addresses (configured once, in etc/org.atrium.mail.cfg). */
    static InboundSettings effective(InboundSettings configured, MailSettings outgoing) {
        return configured.withOwnAddresses(List.of(outgoing.from(), outgoing.replyMailbox()));
    }

    /**
     * Before the outcome is stored: a node dying in between processes the mail again, and the answer's
     * limit per sender keeps that from answering twice. An answer that cannot be queued never fails the mail.
     */
    private void answer(InboundMailProcessor processor, MimeMessage mail, String sender, Outcome outcome, InboundSettings settings,
            MailSettings outgoing) {
        if (outcome.refusal() == null) {
            return;
        }
        try {
            answers.answer(mail, sender, outcome, processor.personOf(sender), settings, outgoing);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Inbound mail from {}: cannot queue the answer to its refusal ({})", sender, e.toString());
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /**
     * One poll, with Angus Mail's class loader as the thread's context class loader throughout: Jakarta Mail
     * finds its providers and Jakarta Activation the handlers that parse multipart bodies (Angus's mailcap)
     * through it; in OSGi nothing else would find them.
     */
    private void pollOnce(InboundSettings settings) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            poll(settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void poll(InboundSettings configured) {
        MailSettings outgoing = mailConfiguration.settings();
        InboundSettings settings = effective(configured, outgoing);
        MailReference reference = new MailReference(keys.key(MailReference.KEY_NAME));
        InboundMailProcessor processor = new InboundMailProcessor(tickets, directory, attachments, reference, settings,
                new AttachmentRules(AttachmentRules.DEFAULT_MAX_BYTES, AttachmentRules.DEFAULT_CONTENT_TYPES));
        try (InboundMailbox mailbox = new InboundMailbox(settings)) {
            for (Message mail : mailbox.waiting()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                handle(mailbox, processor, (MimeMessage) mail, settings, outgoing);
            }
            if (lastProblem != null) {
                LOG.info("Inbound mail: the mailbox {} answers again", settings);
                lastProblem = null;
            }
        } catch (MessagingException | RuntimeException e) {
            String problem = e.toString();
            if (!problem.equals(lastProblem)) {
                LOG.warn("Inbound mail: cannot read {} ({}); trying again in {} s", settings, problem, settings.pollSeconds());
                lastProblem = problem;
            }
        }
    }

    private void handle(InboundMailbox mailbox, InboundMailProcessor processor, MimeMessage mail, InboundSettings settings,
            MailSettings outgoing) throws MessagingException {
        String messageId = MessageIds.of(mail);
        switch (processed.claim(messageId)) {
            case BUSY:
                return;
            case DONE:
                mailbox.markProcessed(mail);
                return;
            default:
                break;
        }
        String sender = InboundMailProcessor.senderOf(mail);
        Outcome outcome;
        try {
            outcome = processor.process(mail);
        } catch (Exception e) {
            LOG.warn("Inbound mail {} from {} failed; it stays in the mailbox and is tried again", messageId, sender, e);
            processed.failed(messageId, e.toString());
            return;
        }
        answer(processor, mail, sender, outcome, settings, outgoing);
        processed.finish(messageId, sender, outcome);
        mailbox.markProcessed(mail);
        switch (outcome.code()) {
            case Outcome.COMMENTED, Outcome.CREATED -> LOG.info("Inbound mail {} from {}: {} {}{}", messageId, sender, outcome.code(),
                    outcome.ticketKey(), outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
            case Outcome.REJECTED -> LOG.warn("Inbound mail {} from {} rejected: {}", messageId, sender, outcome.reason());
            default -> LOG.info("Inbound mail {} from {} ignored: {}", messageId, sender, outcome.reason());
        }
    }
}
