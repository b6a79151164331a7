package org.atrium.core.internal.mail.out;

/** A mail ready for its recipient: subject, plain text and the same as simple HTML. */
public record RenderedMail(String subject, String text, String html) {
}
