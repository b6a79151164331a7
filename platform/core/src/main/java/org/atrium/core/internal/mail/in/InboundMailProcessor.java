package org.atrium.core.internal.mail.in;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.atrium.api.ConflictException;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.attachment.AttachmentRules;
import org.atrium.api.attachment.AttachmentService;
import org.atrium.api.attachment.AttachmentUpload;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketService;
import org.atrium.core.internal.mail.MailReference;

/**
 * Decides what one mail does, as the person who sent it, through the same services as the REST API
 * (so every access and form rule applies): a reply carrying a valid signed reference becomes a
 * public comment; a mail to a department's address opens a ticket; everything else is ignored or
 * rejected with the reason. A mail that cannot be processed for a passing reason (the database is
 * down) throws, and the poller leaves it in the mailbox for the next attempt.
 */
final class InboundMailProcessor {
    static final int MAX_SUMMARY = 200;
    static final int MAX_TEXT = 20000;
    private static final int MAX_ADDRESS = 100;
    private final TicketService tickets;
    private final Directory directory;
    private final AttachmentService attachments;
    private final MailReference reference;
    private final InboundSettings settings;
    private final AttachmentRules rules;

    InboundMailProcessor(TicketService tickets, Directory directory, AttachmentService attachments, MailReference reference,
            InboundSettings settings, AttachmentRules rules) {
        this.tickets = tickets;
        this.directory = directory;
        this.attachments = attachments;
        this.reference = reference;
        this.settings = settings;
        this.rules = rules;
    }

    Outcome process(MimeMessage mail) throws MessagingException, IOException {
        String sender = senderOf(mail);
        Optional<String> loop = LoopGuard.whyIgnored(mail, sender, settings.ownAddresses());
        if (loop.isPresent()) {
            return Outcome.ignored(loop.get());
        }
        ReferenceMatch match = ReferenceMatch.of(mail, reference);
        switch (match.kind()) {
            case FORGED:
                return Outcome.rejected(Outcome.Refusal.BAD_REFERENCE,
                        "names a ticket reference whose signature is wrong (forged or damaged); not matched by subject", null, null, null);
            case VALID:
                return reply(mail, sender, match.ticketKey());
            default:
                Optional<DepartmentAddress> address = departmentAddress(mail);
                return address.isPresent() ? open(mail, sender, address.get())
                        : Outcome.ignored("no signed ticket reference and not sent to a department's address");
        }
    }

    private Outcome reply(MimeMessage mail, String sender, String ticketKey) throws MessagingException, IOException {
        Optional<Person> person = personOf(sender);
        if (person.isEmpty()) {
            return Outcome.rejected(Outcome.Refusal.UNKNOWN_SENDER, "sender " + sender + " is not in the directory; a reply never comes from a guest",
                    ticketKey, null, null);
        }
        Caller caller = callerOf(person.get());
        MailContent content = MailContent.of(mail, rules.maxBytes());
        String body = cut(QuoteStripper.strip(content.text()), MAX_TEXT);
        if (body.isBlank() && content.files().isEmpty()) {
            return new Outcome(Outcome.IGNORED, ticketKey, caller.user(), null, "nothing but quoted text");
        }
        if (body.isBlank()) {
            body = "(" + content.files().stream().map(MailContent.MailFile::fileName).collect(Collectors.joining(", ")) + ")";
        }
        try {
            tickets.comment(caller, ticketKey, new NewComment(body, false));
        } catch (ForbiddenException | NotFoundException e) {
            return Outcome.rejected(Outcome.Refusal.NOT_ALLOWED, caller.user() + " may not comment on " + ticketKey, ticketKey, caller.user(), null);
        } catch (ConflictException e) {
            // a closed ticket refuses comments: final, not worth another attempt at every poll
            return Outcome.rejected(Outcome.Refusal.CLOSED, e.getMessage(), ticketKey, caller.user(), null);
        }
        List<String> refused = attach(caller, ticketKey, content);
        return new Outcome(Outcome.COMMENTED, ticketKey, caller.user(), null, refusedNote(refused));
    }

    private Outcome open(MimeMessage mail, String sender, DepartmentAddress address) throws MessagingException, IOException {
        Optional<Person> person = personOf(sender);
        String introduction = "";
        if (person.isEmpty()) {
            switch (settings.unknownSenders()) {
                case IGNORE:
                    return new Outcome(Outcome.IGNORED, null, null, address.department(), "unknown sender " + sender);
                case REJECT:
                    return Outcome.rejected(Outcome.Refusal.UNKNOWN_SENDER, "unknown sender " + sender, null, null, address.department());
                default:
                    person = directory.find(settings.guestUser()).filter(Person::active);
                    if (person.isEmpty()) {
                        throw new IllegalStateException("guestUser " + settings.guestUser() + " is not an active person of the directory");
                    }
                    introduction = "From: " + sender + "\n\n";
            }
        }
        Caller caller = callerOf(person.get());
        MailContent content = MailContent.of(mail, rules.maxBytes());
        String subject = mail.getSubject() == null || mail.getSubject().isBlank() ? "(no subject)" : mail.getSubject().strip();
        String description = cut(introduction + content.text().strip(), MAX_TEXT);
        Ticket ticket;
        try {
            ticket = tickets.create(caller, new NewTicket(address.requestType(), cut(subject, MAX_SUMMARY), description, null, null,
                    address.fields()));
        } catch (ValidationException e) {
            String errors = e.errors().stream().map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; "));
            return Outcome.rejected(Outcome.Refusal.CANNOT_OPEN, "a mail cannot fill the form of " + address.requestType() + ": " + errors,
                    null, caller.user(), address.department());
        } catch (ForbiddenException | NotFoundException e) {
            return Outcome.rejected(Outcome.Refusal.CANNOT_OPEN, caller.user() + " may not open a " + address.requestType() + ": " + e.getMessage(),
                    null, caller.user(), address.department());
        }
        List<String> refused = attach(caller, ticket.key(), content);
        return new Outcome(Outcome.CREATED, ticket.key(), caller.user(), ticket.department(), refusedNote(refused));
    }

    /** Attaches every file; the ones the attachment rules refuse are named in the outcome, the mail is processed anyway. */
    private List<String> attach(Caller caller, String ticketKey, MailContent content) {
        List<String> refused = new ArrayList<>();
        for (MailContent.MailFile file : content.files()) {
            try {
                attachments.attach(caller, ticketKey, new AttachmentUpload(file.fileName(), file.contentType(),
                        new ByteArrayInputStream(file.bytes())), rules);
            } catch (ValidationException e) { // too large, a type not accepted, bytes that do not match it
                refused.add(file.fileName() + " (" + e.getMessage() + ")");
            }
        }
        return refused;
    }

    private Optional<DepartmentAddress> departmentAddress(MimeMessage mail) throws MessagingException {
        for (String recipient : ReferenceMatch.recipients(mail)) {
            DepartmentAddress address = settings.addresses().get(recipient);
            if (address != null) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    /** The one active person of the directory with this e-mail address (none when two share it). */
    Optional<Person> personOf(String address) {
        if (address == null || address.length() > MAX_ADDRESS) {
            return Optional.empty(); // no directory entry has one this long (the directory refuses such a search)
        }
        List<Person> matches = directory.search(address, Directory.MAX_LIMIT).stream()
                .filter(person -> person.active() && person.email() != null && person.email().equalsIgnoreCase(address))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** The sender acts with the roles the directory gives them, as after a login. */
    private static Caller callerOf(Person person) {
        return new Caller(person.id(), person.roles());
    }

    static String senderOf(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            return null;
        }
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static String refusedNote(List<String> refused) {
        return refused.isEmpty() ? null : "attachments refused: " + String.join(", ", refused);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
