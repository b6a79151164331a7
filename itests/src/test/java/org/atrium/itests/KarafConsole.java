package org.atrium.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs Karaf console commands inside the container, as an operator's console session would. */
final class KarafConsole {
    private KarafConsole() {
    }

    /** Runs the command and returns what it printed; a refused command throws (Karaf's CommandException). */
    static String run(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        PrintStream previous = System.out;
        try (Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            System.setOut(out); // ShellTable prints to System.out, which the shell redirects per session
            session.execute(command);
        } finally {
            System.setOut(previous);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
