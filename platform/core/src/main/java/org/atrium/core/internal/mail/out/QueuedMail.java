package org.atrium.core.internal.mail.out;

/** A mail of the queue as the worker sends it. */
public record QueuedMail(long id, String recipient, String subject, String text, String html, String messageId, String replyTo,
        int attempts) {
}
