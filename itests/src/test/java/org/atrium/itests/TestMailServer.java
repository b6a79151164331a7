package org.atrium.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's SMTP and IMAP servers in the test driver's JVM (started from a Pax Exam @Configuration method, which
 * runs there), on free ports of the loopback the container reaches too. Only this class touches
 * GreenMail, so the probe inside the container never loads it. As a real mail server with plus
 * addressing, it delivers {@code support+<tag>@atrium.example} into the mailbox of {@code support@atrium.example};
 * every person of {@link #PEOPLE} has a mailbox whose login and password are the address.
 */
final class TestMailServer {
    static final String MAILBOX = "support@atrium.example";
    static final String LOGIN = "support";
    static final String PASSWORD = "inbound-secret";
    /** The people of the tests whose mail is read: login and password are the address. */
    static final List<String> PEOPLE = List.of("anna@example.com", "ina@example.com", "hanna@example.com", "stranger@elsewhere.example");
    private static GreenMail server;

    private TestMailServer() {
    }

    /** Starts the server once per driver JVM; returns its IMAP port. */
    static synchronized int imapPort() {
        return started().getImap().getPort();
    }

    static synchronized int smtpPort() {
        return started().getSmtp().getPort();
    }

    private static GreenMail started() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
            started.start();
            started.getUserManager().setSieveIgnoreDetail(true);
            started.setUser(MAILBOX, LOGIN, PASSWORD);
            PEOPLE.forEach(address -> started.setUser(address, address, address));
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            server = started;
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
