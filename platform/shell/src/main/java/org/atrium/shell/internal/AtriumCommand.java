package org.atrium.shell.internal;

import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.atrium.api.AtriumException;

/**
 * An atrium:* command. What Atrium refuses (a bad argument, an unknown person or ticket, a date that
 * is not one) reaches the user as one line without a stack trace, like Karaf's own "undefined option":
 * Karaf prints a CommandException's message, logs it at DEBUG only and ends an ssh or bin/client call
 * with exit status 1. Anything else is a bug and keeps Karaf's handling (ERROR with the stack trace in
 * the log).
 */
abstract class AtriumCommand implements Action {
    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (AtriumException | DateTimeParseException e) {
            throw new CommandException(e.getMessage());
        }
    }

    protected abstract Object run() throws Exception;

    /** A mistake the command itself finds, e.g. two options that exclude each other. */
    protected static CommandException mistake(String message) {
        return new CommandException(message);
    }
}
