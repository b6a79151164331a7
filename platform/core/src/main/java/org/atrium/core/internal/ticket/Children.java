package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.atrium.api.ValidationException;
import org.atrium.api.catalog.ChildTicket;
import org.atrium.api.catalog.ChildTickets;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.api.workflow.WorkflowTransition;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.LinkEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.workflow.TicketWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-department work inside the parent's transaction: entering the state a type names creates
 * its child tickets (each with only the parent fields it is given, routed by its own type), a
 * parent whose children are all done moves on, and cancelling the parent cancels the children
 * still open. A child whose type is not installed is skipped and said so in the parent's history:
 * the parent's own step never fails because another department's bundle is missing.
 */
final class Children implements TicketParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(Children.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    /** Files a ticket inside the caller's transaction, with the same validation, routing and participants as any other. */
    interface Filing {
        TicketEntity file(EntityManager em, RequestType type, String requester, String actor, String summary, Map<String, Object> values);
    }

    private final PinnedTypes pinned;
    private final RequestTypeRegistry types;
    private final Directory directory;
    private final WorkflowSteps steps;
    private final List<TicketParticipant> participants;
    private final Clock clock;
    private Filing filing;

    Children(PinnedTypes pinned, RequestTypeRegistry types, Directory directory, WorkflowSteps steps, List<TicketParticipant> participants,
            Clock clock) {
        this.pinned = pinned;
        this.types = types;
        this.directory = directory;
        this.steps = steps;
        this.participants = participants;
        this.clock = clock;
    }

    void filing(Filing filing) {
        this.filing = filing;
    }

    @Override
    public void changed(EntityManager em, TicketChange change) {
        if (change.entered() == null) {
            return;
        }
        TicketEntity ticket = TicketLookup.find(em, change.ticket().key());
        ChildTickets children = pinned.find(ticket.getTypeKey(), ticket.getTypeVersion()).map(RequestType::children).orElse(null);
        if (children != null && children.on().equals(change.entered().key()) && childIds(em, ticket).isEmpty()) {
            create(em, ticket, children, change.actor());
        }
        if (children != null && children.cancelledIn().contains(change.entered().key())) {
            cancelOpen(em, ticket, change.actor());
        }
        if (change.entered().category().isDone()) {
            parentOf(em, ticket).ifPresent(parent -> moveOnWhenDone(em, parent, change.actor()));
        }
    }

    private void create(EntityManager em, TicketEntity parent, ChildTickets children, String actor) {
        Map<String, Object> parentFields = Json.readMap(parent.getFieldsJson());
        String language = directory.find(parent.getRequester()).map(Person::language).orElse("de");
        for (ChildTicket child : children.tickets()) {
            if (child.onlyWhen() != null && !child.onlyWhen().holds(parentFields.get(child.onlyWhen().field()))) {
                continue;
            }
            Optional<RequestType> type = types.find(child.type());
            if (type.isEmpty()) {
                LOG.warn("Ticket {}: child {} not created, type {} is not installed", parent.getKey(), child.key(), child.type());
                history(em, parent, actor, "child-not-created", child.key(), "type " + child.type() + " is not installed");
                continue;
            }
            try {
                TicketEntity created = filing.file(em, type.get(), parent.getRequester(), actor,
                        summary(child, language, parentFields), values(child, parentFields));
                link(em, parent, created, actor);
            } catch (ValidationException e) {
                LOG.warn("Ticket {}: child {} not created: {}", parent.getKey(), child.key(), e.errors());
                history(em, parent, actor, "child-not-created", child.key(), String.valueOf(e.errors()));
            }
        }
    }

    /** The parent fields the child is given (and only those), and its due date. */
    private static Map<String, Object> values(ChildTicket child, Map<String, Object> parentFields) {
        Map<String, Object> values = new LinkedHashMap<>();
        child.fields().forEach((childField, parentField) -> {
            if (parentFields.get(parentField) != null) {
                values.put(childField, parentFields.get(parentField));
            }
        });
        if (child.dueBefore() != null && parentFields.get(child.dueBefore().field()) instanceof String date) {
            try {
                values.put(ChildTicket.DUE_FIELD, LocalDate.parse(date).minusDays(child.dueBefore().days()).toString());
            } catch (DateTimeParseException e) {
                // a date the form accepted is ISO; anything else leaves the child without a due date
            }
        }
        return values;
    }

    private static String summary(ChildTicket child, String language, Map<String, Object> parentFields) {
        String template = child.summary().getOrDefault(language, child.summary().getOrDefault("en", child.key()));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            Object value = parentFields.get(matcher.group(1));
            matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(text);
        String summary = text.toString().strip();
        return summary.length() > TicketInput.MAX_SUMMARY ? summary.substring(0, TicketInput.MAX_SUMMARY) : summary;
    }

    private void link(EntityManager em, TicketEntity parent, TicketEntity child, String actor) {
        Instant now = clock.instant();
        em.persist(new LinkEntity(parent.getId(), child.getId(), LinkTypes.PARENT_OF, actor, now));
        em.persist(new HistoryEntity(parent.getId(), now, actor, "linked", "child", null, child.getKey()));
        // the child's agents learn that a parent exists, not which confidential request it is
        em.persist(new HistoryEntity(child.getId(), now, actor, "linked", "parent", null,
                parent.isConfidential() ? "a confidential " + parent.getDepartment() + " request" : parent.getKey()));
    }

    /** Cancelling the parent cancels its open children: each takes its own workflow's step to a closed state. */
    private void cancelOpen(EntityManager em, TicketEntity parent, String actor) {
        for (Long id : childIds(em, parent)) {
            TicketEntity child = em.find(TicketEntity.class, id);
            if (StatusCategory.parse(child.getStatusCategory()).orElseThrow().isDone()) {
                continue;
            }
            TicketWorkflow workflow = steps.workflowOf(child);
            Optional<WorkflowState> closed = workflow.definition().from(child.getStatus()).stream()
                    .map(WorkflowTransition::to).map(workflow::state)
                    .filter(state -> state.category() == StatusCategory.CLOSED).findFirst();
            if (closed.isEmpty()) {
                history(em, child, actor, "child-not-cancelled", "status", "no step from " + child.getStatus() + " closes it");
                continue;
            }
            em.persist(new org.atrium.core.internal.persistence.CommentEntity(child.getId(), actor,
                    "Cancelled: the request this task was created for has been cancelled. / Abgebrochen: der Antrag, zu dem diese Aufgabe gehört, wurde abgebrochen.",
                    false, clock.instant()));
            move(em, child, closed.get(), actor, Map.of("cancelledWithParent", true));
        }
    }

    /** A child is done: the parent moves on once all are, if it still waits in the state that created them. */
    private void moveOnWhenDone(EntityManager em, TicketEntity parent, String actor) {
        ChildTickets children = pinned.find(parent.getTypeKey(), parent.getTypeVersion()).map(RequestType::children).orElse(null);
        if (children == null || children.doneTo() == null || !children.on().equals(parent.getStatus())) {
            return;
        }
        boolean allDone = childIds(em, parent).stream().map(id -> em.find(TicketEntity.class, id))
                .allMatch(child -> StatusCategory.parse(child.getStatusCategory()).orElseThrow().isDone());
        if (allDone) {
            move(em, parent, steps.workflowOf(parent).state(children.doneTo()), actor, Map.of("childrenDone", true));
        }
    }

    private void move(EntityManager em, TicketEntity ticket, WorkflowState target, String actor, Map<String, Object> details) {
        String from = ticket.getStatus();
        steps.enter(ticket, target, new Changes(em, ticket, actor, clock.instant()));
        em.flush();
        TicketChange.announce(participants, em, TicketChange.entered(TicketMapper.toDto(ticket), actor, target, from, details));
    }

    private static List<Long> childIds(EntityManager em, TicketEntity parent) {
        return em.createQuery("SELECT l.toTicket FROM LinkEntity l WHERE l.fromTicket = :id AND l.type = :type ORDER BY l.toTicket",
                Long.class).setParameter("id", parent.getId()).setParameter("type", LinkTypes.PARENT_OF).getResultList();
    }

    private static Optional<TicketEntity> parentOf(EntityManager em, TicketEntity child) {
        return em.createQuery("SELECT l.fromTicket FROM LinkEntity l WHERE l.toTicket = :id AND l.type = :type", Long.class)
                .setParameter("id", child.getId()).setParameter("type", LinkTypes.PARENT_OF).getResultList().stream()
                .findFirst().map(id -> em.find(TicketEntity.class, id));
    }

    private void history(EntityManager em, TicketEntity ticket, String actor, String action, String field, String after) {
        String text = after.length() > 2000 ? after.substring(0, 2000) : after;
        em.persist(new HistoryEntity(ticket.getId(), clock.instant(), actor, action, field, null, text));
    }
}
