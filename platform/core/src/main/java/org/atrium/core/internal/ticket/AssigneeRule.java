package org.atrium.core.internal.ticket;

import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;

/**
 * Who may be a ticket's assignee: an active person whom the directory lists as an agent of the
 * ticket's department ({@code agent-<department>}). {@code "me"} stands for the caller.
 */
final class AssigneeRule {
    static final String ME = "me";
    private final Directory directory;

    AssigneeRule(Directory directory) {
        this.directory = directory;
    }

    /** The assignee's id (the caller's for "me"), or a ValidationException naming {@code assignee}. */
    String check(Caller caller, String department, String requested) {
        String id = ME.equals(requested) ? caller.user() : requested;
        Person person = directory.find(id).orElseThrow(() -> refused("'" + id + "' is not in the directory"));
        if (!person.active()) {
            throw refused("'" + id + "' is no longer active");
        }
        if (!person.isAgentOf(department)) {
            throw refused("'" + id + "' is not an agent of " + department + " (role " + Caller.AGENT_PREFIX + department + ")");
        }
        return id;
    }

    private static ValidationException refused(String reason) {
        return new ValidationException("assignee", reason);
    }
}
