package org.atrium.core.internal.mail.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentService;
import org.atrium.api.attachment.AttachmentUpload;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketService;
import org.atrium.core.internal.mail.MailReference;
import org.junit.jupiter.api.Test;

/** The decisions, with the services faked: who acts, what is written, what is refused and why. */
class InboundMailProcessorTest {
    private final MailReference reference = new MailReference("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final List<String> calls = new ArrayList<>();
    private final List<Person> people = List.of(person("anna", "anna@example.com", "employee"),
            person("felix", "felix@example.com", "employee", "agent-facility"), person("guest", null, "employee"));
    private InboundSettings settings = InboundSettings.from(Map.of("address.facility@atrium.example", "facility:facility.repair",
            "fields.facility@atrium.example", "{\"category\": \"other\"}", "ownAddresses", "support@atrium.example"));

    @Test
    void aReplyIsACommentOfTheSenderWithoutTheQuote() throws Exception {
        Outcome outcome = processor().process(Mails.parse("From: Anna <ANNA@example.com>",
                "To: " + reference.replyAddress("IT-7", "support@atrium.example"), "Subject: Re: IT-7", "", "Still broken.", "",
                "Am 03.03.2026 um 10:15 schrieb Atrium <support@atrium.example>:", "> Bitte neu starten"));
        assertEquals(new Outcome(Outcome.COMMENTED, "IT-7", "anna", null, null), outcome);
        assertEquals(List.of("comment anna IT-7 public: Still broken."), calls);
    }

    @Test
    void aForgedReferenceIsRejectedEvenToADepartmentsAddress() throws Exception {
        Outcome outcome = processor().process(Mails.parse("From: anna@example.com",
                "To: support+IT-7.0000000000000000@atrium.example, facility@atrium.example", "Subject: IT-7", "", "text"));
        assertEquals(Outcome.REJECTED, outcome.code());
        assertEquals(Outcome.Refusal.BAD_REFERENCE, outcome.refusal());
        assertEquals(List.of(), calls);
    }

    @Test
    void aReplyTheSenderMayNotWriteIsRejected() throws Exception {
        Outcome outcome = processor().process(Mails.parse("From: felix@example.com",
                "To: " + reference.replyAddress("HR-1", "support@atrium.example"), "", "text"));
        assertEquals(Outcome.REJECTED, outcome.code());
        assertTrue(outcome.reason().contains("may not comment"), outcome.reason());
        assertEquals(Outcome.Refusal.NOT_ALLOWED, outcome.refusal());
        Outcome stranger = processor().process(Mails.parse("From: someone@elsewhere.example",
                "To: " + reference.replyAddress("IT-7", "support@atrium.example"), "", "text"));
        assertEquals(Outcome.REJECTED, stranger.code());
        assertEquals(Outcome.Refusal.UNKNOWN_SENDER, stranger.refusal());
        assertEquals(List.of(), calls);
    }

    @Test
    void aReplyToAClosedTicketIsRejectedOnceNotTriedAgainAndAgain() throws Exception {
        Outcome outcome = processor().process(Mails.parse("From: anna@example.com",
                "To: " + reference.replyAddress("IT-8", "support@atrium.example"), "Subject: Re: IT-8", "", "Still broken."));
        assertEquals(Outcome.REJECTED, outcome.code());
        assertEquals(Outcome.Refusal.CLOSED, outcome.refusal());
        assertEquals("IT-8", outcome.ticketKey());
    }

    @Test
    void aMailToADepartmentsAddressOpensATicketWithItsFile() throws Exception {
        Outcome outcome = processor().process(Mails.parse("From: anna@example.com", "To: Facility <facility@atrium.example>",
                "Subject: Light broken", "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "",
                "Room 4.12", "--b", "Content-Type: application/pdf", "Content-Disposition: attachment; filename=plan.pdf", "",
                "%PDF-1.7", "--b--"));
        assertEquals(new Outcome(Outcome.CREATED, "FAC-1", "anna", "facility", null), outcome);
        assertEquals(List.of("create anna facility.repair 'Light broken' 'Room 4.12' {category=other}", "attach anna FAC-1 plan.pdf"), calls);
    }

    @Test
    void aFormAMailCannotFillIsRejectedNamingTheFields() throws Exception {
        settings = InboundSettings.from(Map.of("address.facility@atrium.example", "facility:facility.move"));
        Outcome outcome = processor().process(Mails.parse("From: anna@example.com", "To: facility@atrium.example", "Subject: Move", "", "x"));
        assertEquals(Outcome.REJECTED, outcome.code());
        assertTrue(outcome.reason().contains("moveDate is required"), outcome.reason());
        assertEquals(Outcome.Refusal.CANNOT_OPEN, outcome.refusal());
    }

    @Test
    void unknownSendersAsConfigured() throws Exception {
        String[] mail = {"From: stranger@elsewhere.example", "To: facility@atrium.example", "Subject: Hi", "", "Door stuck"};
        assertEquals(Outcome.Refusal.UNKNOWN_SENDER, processor().process(Mails.parse(mail)).refusal());
        settings = InboundSettings.from(Map.of("address.facility@atrium.example", "facility:facility.repair", "unknownSenders", "ignore"));
        assertEquals(Outcome.IGNORED, processor().process(Mails.parse(mail)).code());
        assertEquals(List.of(), calls);
        settings = InboundSettings.from(Map.of("address.facility@atrium.example", "facility:facility.repair",
                "unknownSenders", "create-as-guest", "guestUser", "guest"));
        assertEquals(Outcome.CREATED, processor().process(Mails.parse(mail)).code());
        assertEquals(List.of("create guest facility.repair 'Hi' 'From: stranger@elsewhere.example\n\nDoor stuck' {}"), calls);
    }

    @Test
    void loopsAndMailsForNoOneAreIgnored() throws Exception {
        assertEquals(Outcome.IGNORED, processor().process(Mails.parse("From: anna@example.com", "To: facility@atrium.example",
                "X-Autoreply: yes", "", "away")).code());
        assertEquals(Outcome.IGNORED, processor().process(Mails.parse("From: support@atrium.example", "To: facility@atrium.example",
                "", "loop")).code());
        assertEquals(Outcome.IGNORED, processor().process(Mails.parse("From: anna@example.com", "To: someone@atrium.example",
                "Subject: Re: IT-7", "", "no reference")).code());
        assertEquals(List.of(), calls);
    }

    private InboundMailProcessor processor() {
        return new InboundMailProcessor(tickets(), directory(), attachments(), reference, settings,
                new AttachmentRules(AttachmentRules.DEFAULT_MAX_BYTES, AttachmentRules.DEFAULT_CONTENT_TYPES));
    }

    private TicketService tickets() {
        return fake(TicketService.class, (method, args) -> {
            Caller caller = (Caller) args[0];
            if (method.equals("comment")) {
                NewComment comment = (NewComment) args[2];
                if (args[1].equals("IT-8")) {
                    throw new ConflictException("Ticket IT-8 is closed: comments are no longer possible", null);
                }
                if (!args[1].equals("IT-7") || caller.user().equals("felix")) {
                    throw new ForbiddenException("no");
                }
                calls.add("comment " + caller.user() + " " + args[1] + (comment.internal() ? " internal: " : " public: ") + comment.body());
                return null;
            }
            NewTicket ticket = (NewTicket) args[1];
            if (ticket.type().equals("facility.move")) {
                throw new ValidationException(List.of(new FieldError("moveDate", "is required")));
            }
            calls.add("create " + caller.user() + " " + ticket.type() + " '" + ticket.summary() + "' '" + ticket.description() + "' " + ticket.fields());
            return new Ticket("FAC-1", ticket.type(), 1, "facility", ticket.summary(), ticket.description(), caller.user(), null, null, "new",
                    "open", null, "medium", "medium", Priority.P3, false, ticket.fields(), Instant.EPOCH, Instant.EPOCH, 0, null, null, null);
        });
    }

    private Directory directory() {
        return fake(Directory.class, (method, args) -> method.equals("find")
                ? people.stream().filter(p -> p.id().equals(args[0])).findFirst()
                : people.stream().filter(p -> p.email() != null && p.email().contains(((String) args[0]).toLowerCase())).toList());
    }

    private AttachmentService attachments() {
        return fake(AttachmentService.class, (method, args) -> {
            calls.add("attach " + ((Caller) args[0]).user() + " " + args[1] + " " + ((AttachmentUpload) args[2]).fileName());
            return null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    private static Person person(String id, String email, String... roles) {
        return new Person(id, id, email, "de", null, null, "DE", null, Set.of(roles), true, null);
    }

}
