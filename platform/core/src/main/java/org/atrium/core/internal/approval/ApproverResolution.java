package org.atrium.core.internal.approval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.approval.ApproverRule;
import org.atrium.api.directory.AssignmentGroup;
import org.atrium.api.directory.AssignmentGroups;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.extension.Contexts;
import org.atrium.core.internal.extension.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the people who approve a stage of a ticket: every rule's people together, each once, only
 * active people, and never the requester (nobody approves their own request). When the rules find
 * nobody (a requester without manager, an empty group), the department's agents decide instead, so
 * that no request waits for an approver who does not exist.
 */
public final class ApproverResolution {
    private static final Logger LOG = LoggerFactory.getLogger(ApproverResolution.class);
    private final Directory directory;
    private final AssignmentGroups groups;
    private final Extensions extensions;

    public ApproverResolution(Directory directory, AssignmentGroups groups, Extensions extensions) {
        this.directory = directory;
        this.groups = groups;
        this.extensions = extensions;
    }

    /** The stage's approvers, in the order the rules name them; {@link Resolved#fallback} when none was found. */
    public Resolved approvers(ApprovalStage stage, Ticket ticket) {
        Set<String> found = new LinkedHashSet<>();
        for (ApproverRule rule : stage.approvers()) {
            found.addAll(people(rule, stage, ticket));
        }
        List<String> approvers = eligible(found, ticket);
        if (!approvers.isEmpty()) {
            return new Resolved(approvers, false);
        }
        Set<String> agents = new LinkedHashSet<>();
        directory.withRole(org.atrium.api.security.Caller.AGENT_PREFIX + ticket.department()).forEach(p -> agents.add(p.id()));
        return new Resolved(eligible(agents, ticket), true);
    }

    /** The approvers, and whether they are the department's agents standing in because the rules found nobody. */
    public record Resolved(List<String> approvers, boolean fallback) {
    }

    /** Active people other than the requester. */
    private List<String> eligible(Set<String> ids, Ticket ticket) {
        List<String> eligible = new ArrayList<>();
        for (String id : ids) {
            if (!id.equals(ticket.requester()) && directory.find(id).filter(Person::active).isPresent()) {
                eligible.add(id);
            }
        }
        return eligible;
    }

    private List<String> people(ApproverRule rule, ApprovalStage stage, Ticket ticket) {
        return switch (rule.kind()) {
            case ApproverRule.MANAGER_OF -> managerOf(rule.value(), ticket).map(List::of).orElse(List.of());
            case ApproverRule.ROLE -> directory.withRole(rule.value()).stream().map(Person::id).toList();
            case ApproverRule.PERSON -> List.of(rule.value());
            case ApproverRule.GROUP -> group(rule.value(), ticket.department()).map(g -> List.copyOf(new java.util.TreeSet<>(g.members())))
                    .orElse(List.of());
            case ApproverRule.RESOLVER -> resolver(rule.value(), stage, ticket);
            default -> List.of();
        };
    }

    /** The manager of the requester, or of the person a form field names. */
    private Optional<String> managerOf(String whose, Ticket ticket) {
        String person = ApproverRule.REQUESTER.equals(whose) ? ticket.requester() : asText(ticket.fields().get(whose));
        return directory.find(person).map(Person::manager).filter(manager -> manager != null && !manager.isBlank());
    }

    /** {@code department/key}, or a key of the ticket's own department. */
    private Optional<AssignmentGroup> group(String name, String department) {
        int slash = name.indexOf('/');
        return slash < 0 ? groups.find(department, name) : groups.find(name.substring(0, slash), name.substring(slash + 1));
    }

    private List<String> resolver(String name, ApprovalStage stage, Ticket ticket) {
        return extensions.approverResolver(name).map(resolver -> {
            try {
                List<String> ids = resolver.approvers(new Contexts.Approver(ticket, stage));
                return ids == null ? List.<String>of() : ids;
            } catch (RuntimeException e) {
                LOG.warn("Approver resolver {} failed for ticket {}; its rule finds nobody: {}", name, ticket.key(), e.toString());
                return List.<String>of();
            }
        }).orElseGet(() -> {
            LOG.warn("Approver resolver {} named by ticket {}'s type is not running; its rule finds nobody", name, ticket.key());
            return List.of();
        });
    }

    private static String asText(Object value) {
        return value instanceof String text ? text : null;
    }

    /** The approver's manager, for an escalation; empty at the top or for an unknown person. */
    public Optional<String> managerOfPerson(String id) {
        return directory.find(id).map(Person::manager).filter(m -> m != null && !m.isBlank())
                .filter(m -> directory.find(m).filter(Person::active).isPresent());
    }
}
