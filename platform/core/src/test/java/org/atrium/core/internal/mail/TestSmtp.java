package org.atrium.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on the loopback, for tests that read back the mails the queue really sent. */
public final class TestSmtp {
    private TestSmtp() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A started server on the port (a test that stops it can start another on the same port). */
    public static GreenMail start(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The one mail the server received for the recipient; fails when there is none or more than one. */
    public static MimeMessage only(GreenMail smtp, String recipient) {
        List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, found.size(), "mails to " + recipient);
        return found.get(0);
    }
}
