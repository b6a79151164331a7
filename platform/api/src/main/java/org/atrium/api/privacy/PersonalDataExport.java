package org.atrium.api.privacy;

import java.util.List;

import org.atrium.api.directory.Person;
import org.atrium.api.ticket.Ticket;

/**
 * All personal data of one person.
 *
 * @param login             the login (the pseudonym once erased)
 * @param personId          the stable id every row names them by
 * @param erased            whether the person was erased
 * @param person            the directory entry, or null where the directory has none
 * @param ticketsRequested  the tickets they requested
 * @param ticketsAssigned   the keys of tickets assigned to them
 * @param comments          the comments they wrote
 * @param approvals         the approvals assigned to them, decided by them or on their behalf
 * @param history           the history rows naming them (as actor or as a value)
 * @param formValues        form values of other tickets that name them
 * @param attachments       the files they attached (metadata; the bytes are downloaded from the ticket)
 * @param ratings           the ratings they gave
 * @param ticketsWatched    the keys of tickets they follow
 * @param mails             the notification mails queued or sent to them, without bodies
 * @param inboundMails      the mails received from their address and what became of them
 * @param webhooksCreated   the ids of webhook subscriptions they created
 */
public record PersonalDataExport(String login, String personId, boolean erased, Person person, List<Ticket> ticketsRequested,
        List<String> ticketsAssigned, List<CommentOf> comments, List<ApprovalOf> approvals, List<HistoryOf> history,
        List<FormValueOf> formValues, List<AttachmentOf> attachments, List<RatingOf> ratings, List<String> ticketsWatched,
        List<MailOf> mails, List<InboundMailOf> inboundMails, List<Long> webhooksCreated) {

    /**
     * A notification mail to the person: when, which template, about which ticket; no body (it is a
     * rendering of data the export holds elsewhere).
     */
    public record MailOf(String ticket, String recipient, String template, String language, String state,
            java.time.Instant createdAt, java.time.Instant sentAt) {
    }

    /** A mail received from the person's address: what became of it (commented, created, ignored, rejected) and why. */
    public record InboundMailOf(String ticket, String outcome, String detail, java.time.Instant receivedAt,
            java.time.Instant finishedAt) {
    }

    /** A file the person attached, with its ticket (no bytes); {@code ticket} is null for an upload no ticket took yet. */
    public record AttachmentOf(String ticket, long id, String fileName, String contentType, long size, String sha256,
            java.time.Instant uploadedAt, boolean erased) {
    }

    /** A rating the person gave. */
    public record RatingOf(String ticket, int score, String comment, java.time.Instant ratedAt) {
    }

    /** A comment with the ticket it belongs to. */
    public record CommentOf(String ticket, long id, String body, boolean internal, java.time.Instant createdAt) {
    }

    /** An approval naming the person (as approver, decider, the one decided for or who handed it over). */
    public record ApprovalOf(String ticket, long id, int round, String stage, String approver, String handedOverBy, String state,
            String decidedBy, String onBehalfOf, String comment, java.time.Instant requestedAt, java.time.Instant decidedAt) {
    }

    /** A history row with its ticket. */
    public record HistoryOf(String ticket, long id, java.time.Instant at, String actor, String action, String field,
            String before, String after) {
    }

    /** A form field of a ticket whose value names the person. */
    public record FormValueOf(String ticket, String field, Object value) {
    }

    public PersonalDataExport {
        ticketsRequested = List.copyOf(ticketsRequested);
        ticketsAssigned = List.copyOf(ticketsAssigned);
        comments = List.copyOf(comments);
        approvals = List.copyOf(approvals);
        history = List.copyOf(history);
        formValues = List.copyOf(formValues);
        attachments = List.copyOf(attachments);
        ratings = List.copyOf(ratings);
        ticketsWatched = List.copyOf(ticketsWatched);
        mails = List.copyOf(mails);
        inboundMails = List.copyOf(inboundMails);
        webhooksCreated = List.copyOf(webhooksCreated);
    }
}
