package org.atrium.rest.internal.problem;

import java.io.EOFException;

/**
 * Whether a failure is the client going away while its answer was written (Jetty's EofException, an
 * EOFException, somewhere in the causes): that is no fault of the server and nobody reads the answer.
 */
final class ClientDisconnect {
    private static final int MAX_DEPTH = 10;

    private ClientDisconnect() {
    }

    static boolean causedBy(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof EOFException) { // org.eclipse.jetty.io.EofException extends it
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
