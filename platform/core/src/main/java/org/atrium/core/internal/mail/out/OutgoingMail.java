package org.atrium.core.internal.mail.out;

/**
 * One mail for the queue: rendered for its recipient when the event that caused it is handled.
 *
 * @param eventId   the outbox entry of the event (with the recipient, what makes a mail unique)
 * @param messageId the Message-ID (with the ticket's signed reference, so a reply finds its ticket)
 * @param replyTo   the ticket's signed reply address
 * @param thread    the mail it answers (an answer to a refused mail), or {@link MailThread#NONE}
 */
public record OutgoingMail(long eventId, String recipient, String personId, String template, String language, String ticketKey,
        RenderedMail content, String messageId, String replyTo, MailThread thread) {
    /** A mail that answers no other (every notification). */
    public OutgoingMail(long eventId, String recipient, String personId, String template, String language, String ticketKey,
            RenderedMail content, String messageId, String replyTo) {
        this(eventId, recipient, personId, template, language, ticketKey, content, messageId, replyTo, MailThread.NONE);
    }
}
