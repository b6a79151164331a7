package org.atrium.core.internal.mail.out;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who hears of an event, and with which template (docs/notifications.md, "Events and recipients").
 * Nobody is told of what they did themself. Whether each person may see the ticket is checked
 * afterwards, per person ({@link Notifications}).
 */
public final class RecipientRules {
    static final String CREATED = "created";
    static final String COMMENTED = "commented";
    static final String WAITING = "waiting";
    static final String APPROVAL = "approval";
    static final String REMINDER = "reminder";
    static final String RESOLVED = "resolved";
    static final String SLA_WARNING = "sla-warning";
    static final String SLA_BREACH = "sla-breach";

    /** The people an SLA event reaches: by role, in a group, agents of a department. */
    public interface People {
        Collection<String> withRole(String role);

        Collection<String> groupMembers(String department, String group);
    }

    private final People people;

    public RecipientRules(People people) {
        this.people = people;
    }

    /**
     * @param topic    the event's topic ({@code atrium/ticket/COMMENTED}, ...)
     * @param event    its properties
     * @param ticket   the ticket now
     * @param watchers the ticket's watchers
     */
    public List<Notice> noticesFor(String topic, Map<String, Object> event, TicketFacts ticket, Collection<String> watchers) {
        String actor = (String) event.get("actor");
        Set<String> requesterAndWatchers = new LinkedHashSet<>();
        if (ticket.requester() != null) {
            requesterAndWatchers.add(ticket.requester());
        }
        requesterAndWatchers.addAll(watchers);
        return switch (topic) {
            case "atrium/ticket/CREATED" -> notices(ticket.requester() == null ? Set.of() : Set.of(ticket.requester()), null, CREATED, false);
            case "atrium/ticket/COMMENTED" -> Boolean.TRUE.equals(event.get("internal")) ? List.of()
                    : notices(requesterAndWatchers, actor, COMMENTED, false);
            case "atrium/ticket/TRANSITIONED" -> transitioned(event, ticket, actor, requesterAndWatchers);
            case "atrium/approval/REQUESTED" -> notices(single(event.get("approver")), null, APPROVAL, true);
            case "atrium/approval/REMINDED" -> notices(single(event.get("approver")), null, REMINDER, true);
            case "atrium/sla/WARNING" -> notices(slaPeople(event, ticket), null, SLA_WARNING, false);
            case "atrium/sla/BREACHED" -> notices(slaPeople(event, ticket), null, SLA_BREACH, false);
            default -> List.of();
        };
    }

    private List<Notice> transitioned(Map<String, Object> event, TicketFacts ticket, String actor, Set<String> requesterAndWatchers) {
        String to = (String) event.get("to");
        if (to == null || !to.equals(ticket.status())) {
            return List.of(); // the ticket has moved on since: a later event tells of where it is
        }
        if (ticket.waitsForRequester() && ticket.requester() != null) {
            return notices(Set.of(ticket.requester()), actor, WAITING, false);
        }
        if ("resolved".equals(ticket.statusCategory())) {
            return notices(requesterAndWatchers, actor, RESOLVED, false);
        }
        return List.of();
    }

    /** The roles the SLA policy names; else the assignee; else the group's members; else the department's agents. */
    private Set<String> slaPeople(Map<String, Object> event, TicketFacts ticket) {
        Set<String> found = new LinkedHashSet<>();
        if (event.get("notify") instanceof Collection<?> roles && !roles.isEmpty()) {
            roles.forEach(role -> found.addAll(people.withRole(role.toString())));
            return found;
        }
        if (ticket.assignee() != null) {
            return Set.of(ticket.assignee());
        }
        if (ticket.group() != null) {
            found.addAll(people.groupMembers(ticket.department(), ticket.group()));
        }
        if (found.isEmpty()) {
            found.addAll(people.withRole("agent-" + ticket.department()));
        }
        return found;
    }

    private static Set<String> single(Object person) {
        return person == null ? Set.of() : Set.of(person.toString());
    }

    private static List<Notice> notices(Collection<String> persons, String except, String template, boolean asApprover) {
        List<Notice> notices = new ArrayList<>();
        for (String person : new LinkedHashSet<>(persons)) {
            if (!person.equals(except)) {
                notices.add(new Notice(person, template, asApprover));
            }
        }
        return notices;
    }

}
