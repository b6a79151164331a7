package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.mail.TestSmtp.freePort;
import static org.atrium.core.internal.mail.TestSmtp.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.atrium.api.ConflictException;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.notification.MailQueueReport;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.SettableClock;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.mail.MailReference;
import org.atrium.core.internal.mail.TestSmtp;
import org.atrium.core.internal.mail.out.ApprovalLinkServiceImpl;
import org.atrium.core.internal.mail.out.MailConfiguration;
import org.atrium.core.internal.mail.out.MailSettings;
import org.atrium.core.internal.mail.out.MailTemplates;
import org.atrium.core.internal.mail.out.MailWorker;
import org.atrium.core.internal.mail.out.Notifications;
import org.atrium.core.internal.mail.out.SmtpSender;
import org.atrium.core.internal.mail.out.WatcherServiceImpl;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.atrium.core.internal.secret.SigningKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The leave flow's mails through the real queue and a real SMTP server (GreenMail), on both
 * databases: the requester's confirmation, the approver's German mail with links that decide once,
 * a public comment to requester and watcher, and an SMTP outage that delays mails without losing them.
 */
class MailNotificationsTest {
    private static final Caller ANNA = Caller.of("anna", "employee");
    private static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");
    private static final Pattern APPROVE = Pattern.compile("/approval-links/([0-9a-z.]+approve[0-9a-z.]+)");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLeaveFlowsMails(Engine engine) throws Exception {
        int port = freePort();
        GreenMail smtp = TestSmtp.start(port);
        try (TestDatabases databases = TestDatabases.open("mailflow", engine)) {
            TestPeople.store(databases.database(),
                    "marc,Marc Maier,marc@example.com,de,sales,,DE,DE-BY,employee;approver,true,,,",
                    "anna,Anna Albrecht,anna@example.com,en,sales,marc,DE,DE-BY,employee,true,,,",
                    "hanna,Hanna Huber,hanna@example.com,de,hr,,DE,DE-BY,employee;agent-hr,true,,,",
                    "henry,Henry Hr,henry@example.com,en,hr,,DE,DE-BY,employee;agent-hr,true,,,",
                    "ina,Ina Io,ina@example.com,de,it,,DE,DE-BE,employee;agent-it,true,,,");
            SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
            RequestTypeCatalog catalog = TestCatalogs.catalog(ApprovalsTest.LEAVE);
            DirectoryService directory = new DirectoryService(new DatabaseDirectoryProvider(databases.database()));
            SigningKeys keys = new SigningKeys(databases.database());
            MailConfiguration configuration = new MailConfiguration(MailSettings.of(Map.of("enabled", "true", "smtp.host", "127.0.0.1",
                    "smtp.port", String.valueOf(port), "from", "atrium@example.com", "replyMailbox", "support@example.com",
                    "portalUrl", "https://desk.example.com/portal/")));
            AssignmentGroupsService groups = new AssignmentGroupsService();
            Notifications notifications = new Notifications(databases.database(), directory, groups, catalog, keys, configuration,
                    MailTemplates.Overrides.NONE, clock);
            TicketServiceImpl service = new TicketServiceImpl(databases.database(), catalog, new org.atrium.core.internal.extension.Extensions(),
                    clock, null, directory, groups, org.atrium.core.internal.sla.SlaPolicies.AS_DECLARED,
                    new org.atrium.core.internal.calendar.BusinessCalendarsService(), false, notifications);
            MailWorker worker = new MailWorker(databases.database(), configuration, new SmtpSender(), clock, false);
            ApprovalLinkServiceImpl links = new ApprovalLinkServiceImpl(databases.database(), keys, service, directory, clock);
            WatcherServiceImpl watchers = new WatcherServiceImpl(databases.database(), directory, clock);

            Ticket leave = service.create(ANNA, new NewTicket("hr.leave", "Leave in March", "private reasons", null, null,
                    Map.of("days", 5, "period", "2026-03-23..2026-03-27", "reason", "family")));
            assertEquals(2, worker.sendDue(100));
            MimeMessage created = only(smtp, "anna@example.com");
            assertEquals("[" + leave.key() + "] Your request was received: Leave in March", created.getSubject());
            MailReference reference = new MailReference(keys.key(MailReference.KEY_NAME));
            assertEquals(leave.key(), reference.ticketKeyOfAddress(created.getReplyTo()[0].toString()).orElseThrow());
            assertEquals(leave.key(), reference.ticketKeyOfMessageIds(created.getMessageID()).orElseThrow());
            assertEquals("auto-generated", created.getHeader("Auto-Submitted", null));
            String createdText = text(created);
            assertTrue(!createdText.contains("family") && !createdText.contains("private reasons"), "no form values, no description");

            MimeMessage approval = only(smtp, "marc@example.com");
            assertEquals("[" + leave.key() + "] Bitte um Genehmigung: Leave in March", approval.getSubject());
            String approvalText = text(approval);
            System.out.println("---- the approver's mail (German) ----\n" + approvalText);
            System.out.println("---- the requester's mail (English) ----\n" + createdText);
            Matcher approve = APPROVE.matcher(approvalText);
            assertTrue(approve.find(), approvalText);
            String token = approve.group(1);
            assertEquals("pending", links.open(token).state(), "opening decides nothing");
            assertEquals("pending", links.open(token).state());
            assertEquals("approved", links.use(token).state());
            assertEquals("approved", service.get(ANNA, leave.key()).status());
            assertTrue(service.history(ANNA, leave.key()).stream().anyMatch(h -> "marc".equals(h.actor())), "decided as marc");
            assertThrows(ConflictException.class, () -> links.use(token), "a link works once");
            String reject = token.replace(".approve.", ".reject.");
            assertThrows(ValidationException.class, () -> links.use(reject), "a changed link is forged");

            assertThrows(ForbiddenException.class, () -> watchers.watch(HANNA, leave.key(), "ina"), "ina may not see HR's tickets");
            assertEquals(List.of("henry"), watchers.watch(HANNA, leave.key(), "henry"));
            smtp.reset();
            service.comment(HANNA, leave.key(), new NewComment("Enjoy your holiday", false));
            service.comment(HANNA, leave.key(), new NewComment("internal note", true));
            assertEquals(2, worker.sendDue(100));
            String toRequester = text(only(smtp, "anna@example.com"));
            String toWatchingAgent = text(only(smtp, "henry@example.com"));
            assertTrue(toRequester.contains("Enjoy your holiday"));
            assertTrue(toWatchingAgent.contains("Enjoy your holiday"));
            assertTrue(toRequester.contains("https://desk.example.com/portal/#/requests/" + leave.key()), "the requester's view: " + toRequester);
            assertTrue(toWatchingAgent.contains("https://desk.example.com/portal/#/tickets/" + leave.key()), "the agent's view: " + toWatchingAgent);

            smtp.stop();
            service.comment(ANNA, leave.key(), new NewComment("Thanks!", false));
            assertEquals(1, worker.sendDue(100), "to henry, the watcher; not to anna, who wrote it, nor to hanna, no watcher");
            MailQueueReport down = worker.report(10);
            assertEquals(1, down.pending());
            assertNotNull(down.problems().get(0).lastError());
            assertEquals(0, worker.sendDue(100), "not due again before the pause");
            smtp = TestSmtp.start(port);
            clock.advance(Duration.ofSeconds(11));
            assertEquals(1, worker.sendDue(100));
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals(0, worker.report(10).pending());
        } finally {
            smtp.stop();
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        BodyPart plain = parts.getBodyPart(0);
        return plain.getContent().toString();
    }
}
