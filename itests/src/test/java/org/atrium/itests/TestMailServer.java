package org.atrium.itests;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's IMAP server in the test driver's JVM (started from a Pax Exam @Configuration method, which
 * runs there), on a free port of the loopback the container reaches too. Only this class touches
 * GreenMail, so the probe inside the container never loads it.
 */
final class TestMailServer {
    static final String MAILBOX = "support@atrium.example";
    static final String LOGIN = "support";
    static final String PASSWORD = "inbound-secret";
    private static GreenMail server;

    private TestMailServer() {
    }

    /** Starts the server once per driver JVM; returns its IMAP port. */
    static synchronized int imapPort() {
        if (server == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            started.start();
            started.setUser(MAILBOX, LOGIN, PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            server = started;
        }
        return server.getImap().getPort();
    }
}
