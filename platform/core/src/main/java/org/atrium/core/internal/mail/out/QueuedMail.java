package org.atrium.core.internal.mail.out;

/** A mail of the queue as the worker sends it; {@code thread} is {@link MailThread#NONE} unless it answers a mail. */
public record QueuedMail(long id, String recipient, String subject, String text, String html, String messageId, String replyTo,
        int attempts, String template, MailThread thread) {
    /** The templates of answers to refused inbound mail ({@code answer-unknown-sender}, ...). */
    public static final String ANSWER_PREFIX = "answer-";

    /** RFC 3834: an answer to a person's mail is auto-replied, every notification auto-generated. */
    public String autoSubmitted() {
        return template != null && template.startsWith(ANSWER_PREFIX) ? "auto-replied" : "auto-generated";
    }
}
