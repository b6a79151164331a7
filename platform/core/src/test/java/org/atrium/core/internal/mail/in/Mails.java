package org.atrium.core.internal.mail.in;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Mails for the tests, parsed from their raw text as a mail server delivers them. */
final class Mails {
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    static MimeMessage parse(String... lines) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
