package org.atrium.core.internal.mail.out;

import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * Sends one queued mail over SMTP with Jakarta Mail (Eclipse Angus): plain text and HTML as
 * alternatives, the ticket's signed Message-ID and Reply-To, and {@code Auto-Submitted:
 * auto-generated} (an answer to a refused mail: {@code auto-replied}, with In-Reply-To and References
 * to the mail it answers) so that auto-replies are not sent back (RFC 3834).
 */
public final class SmtpSender {
    private static final String TIMEOUT_MILLIS = "15000";

    /** Throws when the server refuses or cannot be reached; the message says why (shown in the queue). */
    public void send(MailSettings settings, QueuedMail mail) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // in OSGi, jakarta.mail finds its providers (SMTP, streams) through the context class loader: Angus Mail's
        thread.setContextClassLoader(org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties(settings), authenticator(settings));
            Transport.send(message(session, settings, mail));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static MimeMessage message(Session session, MailSettings settings, QueuedMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        if (mail.replyTo() != null) {
            message.setReplyTo(InternetAddress.parse(mail.replyTo(), true));
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setHeader("Auto-Submitted", mail.autoSubmitted());
        thread(message, mail.thread());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        message.setContent(alternatives);
        message.setSentDate(new java.util.Date());
        message.saveChanges();
        return message;
    }

    /** In-Reply-To and References of an answer; checked again here, as nothing with a line break may become a header. */
    private static void thread(MimeMessage message, MailThread thread) throws MessagingException {
        if (thread.inReplyTo() == null || !MailThread.isMessageId(thread.inReplyTo())) {
            return;
        }
        message.setHeader("In-Reply-To", thread.inReplyTo());
        MailThread clean = MailThread.answering(thread.inReplyTo(), thread.references());
        message.setHeader("References", MimeUtility.fold("References: ".length(), clean.references()));
    }

    private static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.auth", String.valueOf(settings.user() != null));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.from", settings.from());
        return properties;
    }

    private static Authenticator authenticator(MailSettings settings) {
        if (settings.user() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password() == null ? "" : settings.password());
            }
        };
    }
}
