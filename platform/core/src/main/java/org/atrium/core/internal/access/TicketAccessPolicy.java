package org.atrium.core.internal.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.workflow.Parties;

/**
 * Who may see and do what: the one place that decides it (docs/security.md has the table). Every
 * service call asks here; lists use {@link #listRestriction} so that they show what reads allow.
 * <ul>
 * <li>The requester sees and comments on their own tickets.</li>
 * <li>Agents of a department ({@code agent-<department>}) see and work its tickets, internal comments
 * included; a child task belongs to its own department, not to its parent's.</li>
 * <li>Approvers of a ticket read its approval view (no description, no comments, the fields their
 * stages show) and decide their approvals, never on their own request.</li>
 * <li>Administrators read tickets that are not confidential and administer the platform (import,
 * export, erasure, audit); working tickets is the agents' job, and administering the platform is not
 * reading HR cases.</li>
 * </ul>
 * A caller who may not know that a ticket exists (a confidential one they have no view of) gets a
 * 404; one who may see it but not do this, or a ticket that is not confidential, a 403. The workflow
 * and the type's field rules then say which steps and fields, through the {@link Parties} built here.
 */
public final class TicketAccessPolicy {
    private TicketAccessPolicy() {
    }

    public static boolean isRequester(Caller caller, TicketEntity ticket) {
        return caller.user().equals(ticket.getRequester());
    }

    /** Agents of the ticket's own department: they work it. */
    public static boolean works(Caller caller, TicketEntity ticket) {
        return caller.isAgentOf(ticket.getDepartment());
    }

    /**
     * How much of the ticket the caller may read. {@code approver} (asked whether the caller is or was
     * an approver of it, or acts for one today) is asked only when nothing else gives a full view.
     */
    public static View view(Caller caller, TicketEntity ticket, BooleanSupplier approver) {
        if (isRequester(caller, ticket) || works(caller, ticket) || (caller.isAdmin() && !ticket.isConfidential())) {
            return View.FULL;
        }
        return approver.getAsBoolean() ? View.APPROVAL : View.NONE;
    }

    /** The full view, without asking about approvals (for those who are not the ticket's approvers). */
    public static boolean seesInFull(Caller caller, TicketEntity ticket) {
        return view(caller, ticket, () -> false) == View.FULL;
    }

    public static boolean allows(TicketAction action, Caller caller, TicketEntity ticket, BooleanSupplier approver) {
        return switch (action) {
            case READ -> view(caller, ticket, approver) != View.NONE;
            case READ_RECORD, SLA, TRANSITION, UPDATE -> seesInFull(caller, ticket);
            case COMMENT -> isRequester(caller, ticket) || works(caller, ticket);
            case READ_INTERNAL, COMMENT_INTERNAL, LINK -> works(caller, ticket);
        };
    }

    /**
     * Returns the caller's view of the ticket if the action is allowed; throws otherwise: a 404 for
     * a confidential ticket the caller has no view of, a 403 for any other denial.
     */
    public static View check(TicketAction action, Caller caller, TicketEntity ticket, BooleanSupplier approver) {
        View view = view(caller, ticket, approver);
        if (view == View.NONE) {
            throw hidden(ticket);
        }
        if (!allows(action, caller, ticket, () -> view == View.APPROVAL)) {
            throw new ForbiddenException(refusal(action, ticket));
        }
        return view;
    }

    /** {@link #check} for a caller who is not asked about approvals (every action but READ needs more than their view). */
    public static void check(TicketAction action, Caller caller, TicketEntity ticket) {
        check(action, caller, ticket, () -> false);
    }

    /** The denial for a caller with no view of the ticket: its existence is disclosed only if it is not confidential. */
    public static RuntimeException hidden(TicketEntity ticket) {
        if (ticket.isConfidential()) {
            return new NotFoundException("No ticket " + ticket.getKey());
        }
        return new ForbiddenException("You may not see ticket " + ticket.getKey());
    }

    private static String refusal(TicketAction action, TicketEntity ticket) {
        String agents = "agents of " + ticket.getDepartment() + " (agent-" + ticket.getDepartment() + ")";
        return switch (action) {
            case READ -> "You may not see ticket " + ticket.getKey();
            case READ_RECORD -> "As an approver you see ticket " + ticket.getKey() + " and its approvals only";
            case READ_INTERNAL -> "Only " + agents + " read internal comments";
            case COMMENT -> "Only the requester and " + agents + " may comment on ticket " + ticket.getKey();
            case COMMENT_INTERNAL -> "Only " + agents + " may write internal comments";
            case TRANSITION -> "You may not move ticket " + ticket.getKey();
            case UPDATE -> "You may not change ticket " + ticket.getKey();
            case LINK -> "Only " + agents + " may link ticket " + ticket.getKey();
            case SLA -> "You may not see the service levels of ticket " + ticket.getKey();
        };
    }

    /**
     * The capacities in which the caller acts on the ticket, for the workflow's steps and the type's
     * field rules. {@code pendingApprover}: an approval of the ticket waits for the caller.
     */
    public static Parties parties(Caller caller, TicketEntity ticket, boolean pendingApprover) {
        return new Parties(caller, isRequester(caller, ticket), caller.user().equals(ticket.getAssignee()), works(caller, ticket),
                pendingApprover);
    }

    // ---------------------------------------------------------------- approvals

    /** One approval, for whoever may read its ticket and whoever is involved in it (asked, decided, handed over, acting for). */
    public static void checkSeesApproval(Caller caller, TicketEntity ticket, long approvalId, boolean involved) {
        if (!involved && !seesInFull(caller, ticket)) {
            if (ticket.isConfidential()) {
                throw new NotFoundException("No approval " + approvalId);
            }
            throw new ForbiddenException("You may not see approval " + approvalId);
        }
    }

    /**
     * Who decides (or hands over) an approval: its approver, or their out-of-office delegate on a day
     * they are away; never the ticket's requester. Returns on whose behalf the caller acts (null: their
     * own). Someone else learns of the approval only if they may see the ticket or were involved in the
     * approval ({@code involved}: asked, decided or handed it over).
     */
    public static String checkDecides(Caller caller, TicketEntity ticket, long approvalId, ApproverStanding standing, boolean involved) {
        if (isRequester(caller, ticket)) {
            throw new ForbiddenException("Nobody decides on their own request: " + ticket.getKey() + " is yours");
        }
        return switch (standing.kind()) {
            case APPROVER -> null;
            case DELEGATE_TODAY -> standing.approver();
            case DELEGATE_NOT_TODAY -> throw new ForbiddenException("You act for " + standing.approver()
                    + " only while they are away, from " + standing.awayFrom() + " to " + standing.awayUntil());
            case NONE -> {
                if (!involved && !seesInFull(caller, ticket) && ticket.isConfidential()) {
                    throw new NotFoundException("No approval " + approvalId);
                }
                throw new ForbiddenException("You are not an approver of approval " + approvalId);
            }
        };
    }

    // ---------------------------------------------------------------- lists

    /**
     * The queue's visibility as alternatives (OR): each map is column = value (columns of
     * TicketEntity); an empty list of maps never occurs, a list holding one empty map means "no
     * restriction". The same rule as {@link #seesInFull}: own tickets, the departments one works, and
     * for administrators every ticket that is not confidential. Approvers find what they must decide
     * in their approvals inbox, not in the queue.
     */
    public static List<Map<String, Object>> listRestriction(Caller caller, String department) {
        if (department != null && caller.isAgentOf(department)) {
            return List.of(Map.of()); // an agent's own queue: everything in it is visible
        }
        List<Map<String, Object>> alternatives = new ArrayList<>();
        alternatives.add(Map.of("requester", caller.user()));
        caller.roles().stream()
                .filter(role -> role.startsWith(Caller.AGENT_PREFIX))
                .map(role -> role.substring(Caller.AGENT_PREFIX.length()))
                .sorted()
                .forEach(agentOf -> alternatives.add(Map.of("department", agentOf)));
        if (caller.isAdmin()) {
            alternatives.add(Map.of("confidential", Boolean.FALSE)); // bound: Derby refuses BOOLEAN = 0
        }
        return alternatives;
    }

    /** A department's SLA lists (at risk, breaches): for its agents and for administrators. */
    public static void checkDepartmentLists(Caller caller, String department) {
        if (!caller.isAgentOf(department) && !caller.isAdmin()) {
            throw new ForbiddenException("The SLA lists of " + department + " are for its agents (agent-" + department
                    + ") and administrators");
        }
    }

    /** In a department's lists, confidential tickets are shown to its agents only (administrators see the rest). */
    public static boolean listsConfidential(Caller caller, String department) {
        return caller.isAgentOf(department);
    }

    /**
     * A link from a ticket the caller reads to {@code other}: shown if the caller sees the other in
     * full; a parent's children also to those who work the parent (HR follows the tasks its onboarding
     * gave IT and facility: their key, summary and status).
     */
    public static boolean showsLinked(Caller caller, TicketEntity ticket, TicketEntity other, boolean otherIsChild) {
        return seesInFull(caller, other) || (otherIsChild && works(caller, ticket));
    }

    // ---------------------------------------------------------------- the platform and people

    public static boolean allows(PlatformAction action, Caller caller) {
        return caller.isAdmin();
    }

    /** Import, export, erasure, audit: administrators only (403 for anyone else). */
    public static void check(PlatformAction action, Caller caller) {
        if (!allows(action, caller)) {
            throw new ForbiddenException("Only administrators may " + action.description());
        }
    }
}
