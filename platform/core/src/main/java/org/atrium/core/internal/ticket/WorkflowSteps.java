package org.atrium.core.internal.ticket;

import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import static org.atrium.core.internal.ticket.TicketLookup.checkVersion;
import static org.atrium.core.internal.ticket.TicketLookup.permitted;
import static org.atrium.core.internal.ticket.TicketLookup.withCurrentVersionOnConflict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;
import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.LockedFieldException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.LinkedMove;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.Transition;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.api.workflow.StateAction;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.api.workflow.WorkflowTransition;
import org.atrium.core.internal.catalog.DefaultWorkflows;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.LinkEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.workflow.FieldRules;
import org.atrium.core.internal.workflow.Parties;
import org.atrium.core.internal.workflow.TicketFacts;
import org.atrium.core.internal.workflow.TicketWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow engine as tickets meet it: which steps a caller may take, taking them with their
 * guards and linked tickets, entering a state (its actions, auto-close, resolution codes), the
 * field rules of the state a ticket is in, and the auto-close of resolved tickets.
 */
final class WorkflowSteps {
    /** The actor recorded for what the server does by itself (auto-close). */
    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowSteps.class);
    private final Database db;
    private final RequestTypeRegistry types;
    private final Clock clock;
    private final PinnedTypes pinned;
    private final List<TicketParticipant> participants;
    private final Runnable delivered;

    WorkflowSteps(Database db, RequestTypeRegistry types, Clock clock, PinnedTypes pinned, List<TicketParticipant> participants, Runnable delivered) {
        this.db = db;
        this.types = types;
        this.clock = clock;
        this.pinned = pinned;
        this.participants = participants;
        this.delivered = delivered;
    }

    public List<Transition> transitions(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = permitted(em, caller, key, TicketAction.TRANSITION);
            TicketWorkflow workflow = workflowOf(ticket);
            Map<String, Object> fields = Json.readMap(ticket.getFieldsJson());
            TicketFacts facts = new StoredFacts(em);
            return workflow.allowed(ticket.getStatus(), partiesOf(em, caller, ticket)).stream()
                    .map(step -> withOffers(em, caller, ticket, workflow, step, workflow.describe(step, fields, ticket.getId(), facts)))
                    .toList();
        });
    }

    public Ticket transition(Caller caller, String key, TransitionRequest request) {
        if (request.to() == null || request.to().isBlank()) {
            throw new ValidationException("to", "is required: the state to move to (GET .../transitions lists them)");
        }
        String[] from = new String[1];
        WorkflowState[] entered = new WorkflowState[1];
        Ticket moved = withCurrentVersionOnConflict(db, key, () -> db.inTransaction(em -> {
            TicketEntity ticket = permitted(em, caller, key, TicketAction.TRANSITION);
            if (request.version() != null) {
                checkVersion(ticket, request.version());
            }
            TicketWorkflow workflow = workflowOf(ticket);
            WorkflowState target = workflow.definition().state(request.to()).orElseThrow(() -> new ValidationException("to",
                    "is not a state of this ticket's workflow; its states are " + stateKeys(workflow.definition())));
            WorkflowTransition step = workflow.step(ticket.getStatus(), request.to()).orElseThrow(() -> new ConflictException(
                    "Ticket " + key + " cannot move from " + ticket.getStatus() + " to " + request.to(), ticket.getVersion()));
            if (!partiesOf(em, caller, ticket).holdsAny(step.by())) {
                throw new ForbiddenException("You may not take the step \"" + step.names().get("en") + "\" on ticket " + key
                        + "; it is for " + String.join(", ", step.by()));
            }
            List<FieldError> errors = new ArrayList<>(workflow.unmetGuards(step, Json.readMap(ticket.getFieldsJson()),
                    request.resolutionCode(), ticket.getId(), new StoredFacts(em)));
            workflow.checkResolutionCode(target, request.resolutionCode()).ifPresent(errors::add);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Changes changes = new Changes(em, ticket, caller.user(), clock.instant());
            from[0] = ticket.getStatus();
            entered[0] = target;
            enter(ticket, target, changes);
            if (request.resolutionCode() != null) {
                changes.record("resolutionCode", ticket.getResolutionCode(), request.resolutionCode());
                ticket.setResolutionCode(request.resolutionCode());
            }
            em.flush();
            TicketChange.announce(participants, em, TicketChange.entered(TicketMapper.toDto(ticket), caller.user(), target, from[0], Map.of()));
            for (int i = 0; i < request.linked().size(); i++) {
                moveLinked(em, caller, ticket, request.linked().get(i), "linked[" + i + "]");
            }
            em.flush();
            return SlaWarnings.answer(em, ticket); // as the participants left it: an approval may have moved it on at once
        }));
        delivered.run();
        return moved;
    }

    /** Moves a ticket linked to {@code ticket} as the request says, with every check of a transition of its own. */
    private void moveLinked(EntityManager em, Caller caller, TicketEntity ticket, LinkedMove move, String at) {
        if (move == null || move.key() == null || move.to() == null) {
            throw new ValidationException(at, "needs the linked ticket's key and the state to move it to");
        }
        TicketEntity other = permitted(em, caller, move.key(), TicketAction.TRANSITION);
        if (TicketLinking.linkBetween(em, ticket.getId(), other.getId()).isEmpty()) {
            throw new ValidationException(at + ".key", move.key() + " is not linked to " + ticket.getKey());
        }
        TicketWorkflow workflow = workflowOf(other);
        WorkflowState target = workflow.definition().state(move.to()).orElseThrow(() -> new ValidationException(at + ".to",
                "is not a state of " + move.key() + "'s workflow; its states are " + stateKeys(workflow.definition())));
        WorkflowTransition step = workflow.step(other.getStatus(), move.to()).orElseThrow(() -> new ConflictException(
                "Ticket " + move.key() + " cannot move from " + other.getStatus() + " to " + move.to(), other.getVersion()));
        if (!partiesOf(em, caller, other).holdsAny(step.by())) {
            throw new ForbiddenException("You may not take the step \"" + step.names().get("en") + "\" on ticket " + move.key());
        }
        List<FieldError> errors = new ArrayList<>();
        workflow.unmetGuards(step, Json.readMap(other.getFieldsJson()), move.resolutionCode(), other.getId(), new StoredFacts(em))
                .forEach(e -> errors.add(new FieldError(at + "." + e.field(), e.reason())));
        workflow.checkResolutionCode(target, move.resolutionCode()).ifPresent(e -> errors.add(new FieldError(at + "." + e.field(), e.reason())));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String from = other.getStatus();
        Changes changes = new Changes(em, other, caller.user(), clock.instant());
        enter(other, target, changes);
        if (move.resolutionCode() != null) {
            changes.record("resolutionCode", other.getResolutionCode(), move.resolutionCode());
            other.setResolutionCode(move.resolutionCode());
        }
        em.flush();
        Ticket dto = TicketMapper.toDto(other);
        TicketChange.announce(participants, em, TicketChange.entered(dto, caller.user(), target, from, Map.of()));
    }

    /**
     * A step into a resolved state offers the tickets this one caused (a problem's incidents) that
     * are still open and that the caller could move to a resolved state of their own.
     */
    private Transition withOffers(EntityManager em, Caller caller, TicketEntity ticket, TicketWorkflow workflow,
            WorkflowTransition step, Transition described) {
        if (workflow.state(step.to()).category() != StatusCategory.RESOLVED) {
            return described;
        }
        List<Transition.LinkedOffer> offers = new ArrayList<>();
        List<TicketEntity> dependants = em.createQuery("SELECT t FROM LinkEntity l, TicketEntity t WHERE t.id = l.fromTicket"
                + " AND l.toTicket = :id AND l.type = :caused ORDER BY t.id", TicketEntity.class)
                .setParameter("id", ticket.getId()).setParameter("caused", LinkTypes.CAUSED_BY).getResultList();
        for (TicketEntity other : dependants) {
            if (!TicketAccessPolicy.allows(TicketAction.TRANSITION, caller, other, () -> false) || StatusCategory.parse(other.getStatusCategory()).orElseThrow().isDone()) {
                continue;
            }
            TicketWorkflow theirs = workflowOf(other);
            theirs.allowed(other.getStatus(), partiesOf(em, caller, other)).stream()
                    .filter(s -> theirs.state(s.to()).category() == StatusCategory.RESOLVED).findFirst()
                    .ifPresent(s -> offers.add(new Transition.LinkedOffer(other.getKey(), other.getSummary(), s.to(), theirs.resolutionCodes())));
        }
        return new Transition(described.to(), described.name(), described.names(), described.category(),
                described.resolutionCodeRequired(), described.resolutionCodes(), described.blockedBy(), offers);
    }

    /**
     * Moves the ticket into {@code target} within the caller's transaction: status, category, the
     * auto-close time, a resolution code that no longer applies, and the state's "set" actions.
     */
    void enter(TicketEntity ticket, WorkflowState target, Changes changes) {
        changes.transition(ticket.getStatus(), target.key());
        ticket.setStatus(target.key());
        ticket.setStatusCategory(target.category().json());
        ticket.setStatusChangedAt(changes.at());
        ticket.setUpdatedAt(changes.at());
        ticket.setAutoCloseAt(target.autoCloseAfter() == null ? null : changes.at().plus(java.time.Duration.parse(target.autoCloseAfter())));
        if (target.category() != StatusCategory.RESOLVED && target.category() != StatusCategory.CLOSED && ticket.getResolutionCode() != null) {
            changes.record("resolutionCode", ticket.getResolutionCode(), null);
            ticket.setResolutionCode(null);
        }
        List<StateAction> sets = target.onEnter().stream().filter(action -> action.set() != null).toList();
        if (!sets.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>(Json.readMap(ticket.getFieldsJson()));
            for (StateAction action : sets) {
                String before = fields.containsKey(action.set()) ? Json.write(fields.get(action.set())) : null;
                String after = action.value() == null ? null : Json.write(action.value());
                if (!Objects.equals(before, after)) {
                    changes.record("fields." + action.set(), before, after);
                    if (action.value() == null) {
                        fields.remove(action.set());
                    } else {
                        fields.put(action.set(), action.value());
                    }
                }
            }
            ticket.setFieldsJson(Json.write(fields));
        }
    }

    public int closeDue(Instant now, int limit) {
        List<String> due = db.read(em -> em.createQuery(
                "SELECT t.key FROM TicketEntity t WHERE t.autoCloseAt IS NOT NULL AND t.autoCloseAt <= :now ORDER BY t.autoCloseAt",
                String.class).setParameter("now", now).setMaxResults(limit).getResultList());
        int closed = 0;
        for (String key : due) {
            try {
                closed += autoClose(key, now) ? 1 : 0;
            } catch (ConflictException e) {
                LOG.debug("Ticket {} changed while it was being closed automatically; the next sweep looks again", key);
            }
        }
        return closed;
    }

    private boolean autoClose(String key, Instant now) {
        String[] from = new String[1];
        WorkflowState[] entered = new WorkflowState[1];
        Ticket closed = db.inTransaction(em -> {
            TicketEntity ticket = em.createQuery("SELECT t FROM TicketEntity t WHERE t.key = :key", TicketEntity.class)
                    .setParameter("key", key).getResultList().stream().findFirst().orElse(null);
            if (ticket == null || ticket.getAutoCloseAt() == null || ticket.getAutoCloseAt().isAfter(now)) {
                return null; // reopened or closed by someone else meanwhile
            }
            TicketWorkflow workflow = workflowOf(ticket);
            WorkflowState state = workflow.state(ticket.getStatus());
            if (state.autoCloseTo() == null || org.atrium.api.approval.Approval.PENDING.equals(ticket.getApprovalState())) {
                // an approval in this state (a review after the fact) decides where the ticket goes, not the clock
                ticket.setAutoCloseAt(null);
                return null;
            }
            from[0] = ticket.getStatus();
            entered[0] = workflow.state(state.autoCloseTo());
            enter(ticket, entered[0], new Changes(em, ticket, SYSTEM, now));
            em.flush();
            Ticket dto = TicketMapper.toDto(ticket);
            TicketChange.announce(participants, em, TicketChange.entered(dto, SYSTEM, entered[0], from[0], Map.of("auto", true)));
            return dto;
        });
        if (closed == null) {
            return false;
        }
        delivered.run();
        return true;
    }

    /** Every changed field must be one the caller may change in the ticket's present category. */
    void checkFieldRules(Parties parties, TicketEntity ticket, Changes changes) {
        checkFieldRules(parties, ticket, changes.fields());
    }

    void checkFieldRules(Parties parties, TicketEntity ticket, List<String> changed) {
        // priority and computed fields follow from what was changed; the rules apply to what the caller changed
        Set<String> derived = new java.util.HashSet<>(Set.of("priority"));
        pinned.find(ticket.getTypeKey(), ticket.getTypeVersion()).ifPresent(type -> type.fields().stream()
                .filter(org.atrium.api.catalog.FormField::computed).forEach(field -> derived.add("fields." + field.name())));
        List<String> touched = changed.stream().filter(field -> !derived.contains(field)).toList();
        if (touched.isEmpty()) {
            return;
        }
        TicketWorkflow workflow = workflowOf(ticket);
        StatusCategory category = StatusCategory.parse(ticket.getStatusCategory()).orElseThrow();
        List<FieldError> locked = FieldRules.locked(workflow.definition().fieldRules(), category, parties, touched);
        if (!locked.isEmpty()) {
            throw new LockedFieldException(locked);
        }
    }

    Parties partiesOf(EntityManager em, Caller caller, TicketEntity ticket) {
        return TicketAccessPolicy.parties(caller, ticket, new StoredFacts(em).isApprover(ticket.getId(), caller.user()));
    }

    /** The guards' questions answered from the database, inside the caller's transaction. */
    private record StoredFacts(EntityManager em) implements TicketFacts {
        public int undecidedApprovals(long ticketId) {
            return em.createQuery("SELECT COUNT(a) FROM ApprovalEntity a WHERE a.ticketId = :id AND a.state = 'pending'", Long.class)
                    .setParameter("id", ticketId).getSingleResult().intValue();
        }

        public List<String> unresolvedChildren(long ticketId) {
            return em.createQuery("SELECT t.key FROM LinkEntity l, TicketEntity t WHERE t.id = l.toTicket AND l.fromTicket = :id"
                    + " AND l.type = :parent AND t.statusCategory NOT IN ('resolved', 'closed') ORDER BY t.id", String.class)
                    .setParameter("id", ticketId).setParameter("parent", LinkTypes.PARENT_OF).getResultList();
        }

        public boolean isApprover(long ticketId, String user) {
            return em.createQuery("SELECT COUNT(a) FROM ApprovalEntity a WHERE a.ticketId = :id AND a.approver = :user"
                    + " AND a.state = 'pending'", Long.class).setParameter("id", ticketId).setParameter("user", user)
                    .getSingleResult() > 0;
        }
    }

    /** The workflow of the type version the ticket pins; bundles may update or leave meanwhile. */
    TicketWorkflow workflowOf(TicketEntity ticket) {
        return pinned.find(ticket.getTypeKey(), ticket.getTypeVersion()).map(TicketWorkflow::of)
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getKey() + " pins " + ticket.getTypeKey() + "@"
                        + ticket.getTypeVersion() + ", which is neither installed nor stored"));
    }

    /** Every state of the installed types' and the shipped workflows, for checking queue filters. */
    List<String> knownStates() {
        Set<String> states = new java.util.TreeSet<>();
        types.all().forEach(type -> stateKeys(TicketWorkflow.of(type).definition()).forEach(states::add));
        DefaultWorkflows.all().values().forEach(shipped -> stateKeys(shipped.workflow()).forEach(states::add));
        return List.copyOf(states);
    }

    static List<String> stateKeys(Workflow workflow) {
        return workflow.states().stream().map(WorkflowState::key).toList();
    }

    /**
     * A comment on a closed ticket is refused, or reopens it where the type says so; the
     * requester's public comment on a resolved ticket reopens it (they say it is not solved).
     * Returns the state to reopen to, or null.
     */
    WorkflowState reopenedByComment(Caller caller, TicketEntity ticket, boolean internal) {
        StatusCategory category = StatusCategory.parse(ticket.getStatusCategory()).orElseThrow();
        Workflow workflow = workflowOf(ticket).definition();
        if (category == StatusCategory.CLOSED) {
            if (!Workflow.REOPEN.equals(workflow.closedComments())) {
                throw new ConflictException("Ticket " + ticket.getKey() + " is closed: comments are no longer possible;"
                        + " open a new request instead", ticket.getVersion());
            }
            return workflow.state(workflow.requesterReopens()).orElseThrow();
        }
        boolean requesterObjects = category == StatusCategory.RESOLVED && !internal && TicketAccessPolicy.isRequester(caller, ticket)
                && !TicketAccessPolicy.works(caller, ticket);
        return requesterObjects && workflow.requesterReopens() != null ? workflow.state(workflow.requesterReopens()).orElseThrow() : null;
    }
}
