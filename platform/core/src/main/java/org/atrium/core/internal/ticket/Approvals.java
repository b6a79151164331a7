package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.atrium.api.approval.Approval;
import org.atrium.api.approval.ApprovalProcess;
import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.approval.StageTimeout;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.core.internal.approval.ApproverResolution;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.outbox.Outbox;
import org.atrium.core.internal.persistence.ApprovalEntity;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval engine, inside the transactions of ticket changes. Entering a state that starts the
 * type's approval process opens a round: its stages run in order, each asking its approvers in
 * parallel; a stage that does not apply to the form is skipped. Decisions, reminders and timeouts
 * (durable timers) settle the stages; the outcome moves the ticket to the state the type names,
 * as a change of its own, and is kept on the ticket. Leaving the state while a round is pending
 * withdraws what is still open.
 */
final class Approvals implements TicketParticipant {
    static final String REMIND = "approval.remind";
    static final String TIMEOUT = "approval.timeout";
    static final String TOPIC = "atrium/approval/";
    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
    private final PinnedTypes pinned;
    private final ApproverResolution resolution;
    private final Scheduler scheduler;
    private final Outbox outbox;
    private final WorkflowSteps steps;
    private final List<TicketParticipant> participants;
    private final Clock clock;

    Approvals(PinnedTypes pinned, ApproverResolution resolution, Scheduler scheduler, Outbox outbox, WorkflowSteps steps,
            List<TicketParticipant> participants, Clock clock) {
        this.pinned = pinned;
        this.resolution = resolution;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.steps = steps;
        this.participants = participants;
        this.clock = clock;
        scheduler.handle(REMIND, this::remind);
        scheduler.handle(TIMEOUT, this::timeout);
    }

    @Override
    public void changed(EntityManager em, TicketChange change) {
        if (change.entered() == null) {
            return;
        }
        TicketEntity ticket = TicketLookup.find(em, change.ticket().key());
        if (change.from() != null && Approval.PENDING.equals(ticket.getApprovalState())) {
            // moved on by someone while approvers were still asked (withdrawn, cancelled): they need not decide any more
            withdrawOpen(em, ticket, null, null);
            settle(em, ticket, Approval.WITHDRAWN, null, change.actor());
        }
        typeOf(ticket).flatMap(type -> type.approvalOn(change.entered().key()))
                .filter(process -> process.appliesTo(Json.readMap(ticket.getFieldsJson())))
                .ifPresent(process -> start(em, ticket, process, change.actor()));
    }

    private void start(EntityManager em, TicketEntity ticket, ApprovalProcess process, String actor) {
        ticket.setApprovalRound(ticket.getApprovalRound() + 1);
        ticket.setApprovalState(Approval.PENDING);
        ticket.setApprovalDecidedAt(null);
        ticket.setApprovalDeciders(null);
        advance(em, ticket, process, 0, actor);
    }

    /** Asks the first stage from {@code from} on that applies; without one the process is approved. */
    private void advance(EntityManager em, TicketEntity ticket, ApprovalProcess process, int from, String actor) {
        Map<String, Object> fields = Json.readMap(ticket.getFieldsJson());
        for (int i = from; i < process.stages().size(); i++) {
            ApprovalStage stage = process.stages().get(i);
            if (stage.appliesTo(fields)) {
                ticket.setApprovalStage(stage.key());
                request(em, ticket, stage, i);
                return;
            }
        }
        finish(em, ticket, process, Approval.APPROVED, null, actor);
    }

    private void request(EntityManager em, TicketEntity ticket, ApprovalStage stage, int index) {
        Instant now = clock.instant();
        ApproverResolution.Resolved resolved = resolution.approvers(stage, TicketMapper.toDto(ticket));
        if (resolved.fallback()) {
            LOG.warn("Ticket {}: stage {} found no approver by its rules; the agents of {} decide", ticket.getKey(), stage.key(),
                    ticket.getDepartment());
            history(em, ticket, now, WorkflowSteps.SYSTEM, "approval-no-approver", stage.key(), null,
                    "agents of " + ticket.getDepartment());
        }
        if (resolved.approvers().isEmpty()) {
            LOG.error("Ticket {}: nobody can approve stage {}; an agent must move the ticket on", ticket.getKey(), stage.key());
            return;
        }
        for (String approver : resolved.approvers()) {
            ask(em, ticket, stage, index, approver, now);
        }
    }

    /** One approver's request, with its reminder and timeout. */
    private ApprovalEntity ask(EntityManager em, TicketEntity ticket, ApprovalStage stage, int index, String approver, Instant now) {
        StageTimeout timeout = stage.timeout();
        Instant due = timeout == null ? null : now.plus(timeout.after());
        ApprovalEntity approval = new ApprovalEntity(ticket.getId(), ticket.getApprovalRound(), index, stage.key(), approver,
                Approval.PENDING, now, due);
        em.persist(approval);
        em.flush();
        if (due != null) {
            scheduler.schedule(em, TIMEOUT, approval.getId(), due);
            if (timeout.remindBefore() != null && due.minus(timeout.remindBefore()).isAfter(now)) {
                scheduler.schedule(em, REMIND, approval.getId(), due.minus(timeout.remindBefore()));
            }
        }
        history(em, ticket, now, WorkflowSteps.SYSTEM, "approval-requested", stage.key(), null, approver);
        event(em, "REQUESTED", ticket, approval, Map.of());
        return approval;
    }

    /**
     * Records a decision (by the approver, their delegate, or the server at a timeout) and settles
     * the stage when its rule says so. The caller holds the ticket's row lock.
     */
    void decide(EntityManager em, TicketEntity ticket, ApprovalEntity approval, String state, String decidedBy, String onBehalfOf,
            String comment) {
        Instant now = clock.instant();
        approval.setState(state);
        approval.setDecidedBy(decidedBy);
        approval.setOnBehalfOf(onBehalfOf);
        approval.setComment(comment);
        approval.setDecidedAt(now);
        cancelTimers(em, approval);
        history(em, ticket, now, decidedBy, "approval-decided", approval.getStageKey(), onBehalfOf, state);
        event(em, "DECIDED", ticket, approval, onBehalfOf == null ? Map.of("decision", state) : Map.of("decision", state, "onBehalfOf", onBehalfOf));
        ticket.setUpdatedAt(now);
        evaluate(em, ticket, approval.getStageIndex(), decidedBy);
    }

    private void evaluate(EntityManager em, TicketEntity ticket, int stageIndex, String actor) {
        ApprovalProcess process = processOf(ticket).orElse(null);
        if (process == null) {
            return;
        }
        ApprovalStage stage = process.stages().get(stageIndex);
        List<ApprovalEntity> rows = stageRows(em, ticket, stageIndex);
        int approved = (int) rows.stream().filter(a -> Approval.APPROVED.equals(a.getState())).count();
        int rejected = (int) rows.stream().filter(a -> Approval.REJECTED.equals(a.getState())).count();
        String outcome = stage.rule().outcome(rows.size(), approved, rejected);
        if (outcome == null) {
            return;
        }
        withdrawOpen(em, ticket, stageIndex, actor);
        if (Approval.APPROVED.equals(outcome)) {
            advance(em, ticket, process, stageIndex + 1, actor);
        } else {
            finish(em, ticket, process, Approval.REJECTED, stage.key(), actor);
        }
    }

    /** The rows that count for a stage's rule: not those escalated (their replacement counts) nor withdrawn. */
    private static List<ApprovalEntity> stageRows(EntityManager em, TicketEntity ticket, int stageIndex) {
        return em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.ticketId = :t AND a.round = :r AND a.stageIndex = :s"
                + " AND a.state IN ('pending', 'approved', 'rejected') ORDER BY a.id", ApprovalEntity.class)
                .setParameter("t", ticket.getId()).setParameter("r", ticket.getApprovalRound()).setParameter("s", stageIndex)
                .getResultList();
    }

    /** Withdraws the round's pending approvals (of one stage, or all when {@code stageIndex} is null). */
    private void withdrawOpen(EntityManager em, TicketEntity ticket, Integer stageIndex, String actor) {
        Instant now = clock.instant();
        List<ApprovalEntity> open = em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.ticketId = :t AND a.round = :r"
                + " AND a.state = 'pending' ORDER BY a.id", ApprovalEntity.class)
                .setParameter("t", ticket.getId()).setParameter("r", ticket.getApprovalRound()).getResultList();
        for (ApprovalEntity approval : open) {
            if (stageIndex == null || approval.getStageIndex() == stageIndex) {
                approval.setState(Approval.WITHDRAWN);
                approval.setDecidedAt(now);
                cancelTimers(em, approval);
            }
        }
    }

    /** Ends the round: the outcome on the ticket, in its history, as an event, and the move the type names. */
    private void finish(EntityManager em, TicketEntity ticket, ApprovalProcess process, String outcome, String stage, String actor) {
        settle(em, ticket, outcome, stage, actor);
        boolean approved = Approval.APPROVED.equals(outcome);
        move(em, ticket, approved ? process.approvedTo() : process.rejectedTo(),
                approved ? process.approvedResolution() : process.rejectedResolution(), actor, outcome);
    }

    private void settle(EntityManager em, TicketEntity ticket, String outcome, String stage, String actor) {
        Instant now = clock.instant();
        Set<String> deciders = new LinkedHashSet<>(em.createQuery("SELECT a.decidedBy FROM ApprovalEntity a WHERE a.ticketId = :t"
                + " AND a.round = :r AND a.state = :s ORDER BY a.decidedAt, a.id", String.class)
                .setParameter("t", ticket.getId()).setParameter("r", ticket.getApprovalRound())
                .setParameter("s", Approval.WITHDRAWN.equals(outcome) ? Approval.APPROVED : outcome).getResultList());
        ticket.setApprovalState(outcome);
        ticket.setApprovalStage(stage);
        ticket.setApprovalDecidedAt(now);
        ticket.setApprovalDeciders(String.join(",", deciders));
        ticket.setUpdatedAt(now);
        String shown = Approval.APPROVED.equals(outcome) && deciders.isEmpty() ? "pre-approved" : outcome;
        history(em, ticket, now, actor, "approval-outcome", stage, null, shown);
        Map<String, Object> properties = baseEvent(ticket);
        properties.put("outcome", shown);
        properties.put("decidedBy", List.copyOf(deciders));
        properties.put("actor", actor);
        outbox.add(em, Outbox.EVENT, TOPIC + outcome.toUpperCase(java.util.Locale.ROOT), properties);
    }

    /** Moves the ticket as the approval's outcome says, as a change of its own (its participants run). */
    private void move(EntityManager em, TicketEntity ticket, String to, String resolutionCode, String actor, String outcome) {
        WorkflowState target = steps.workflowOf(ticket).state(to);
        String from = ticket.getStatus();
        Changes changes = new Changes(em, ticket, actor, clock.instant());
        steps.enter(ticket, target, changes);
        if (resolutionCode != null) {
            changes.record("resolutionCode", ticket.getResolutionCode(), resolutionCode);
            ticket.setResolutionCode(resolutionCode);
        }
        em.flush();
        TicketChange.announce(participants, em, TicketChange.entered(TicketMapper.toDto(ticket), actor, target, from,
                Map.of("approval", outcome)));
    }

    // ---------------------------------------------------------------- durable timers

    private void remind(EntityManager em, long approvalId, Instant dueAt) {
        ApprovalEntity approval = em.find(ApprovalEntity.class, approvalId);
        if (approval == null || !Approval.PENDING.equals(approval.getState())) {
            return;
        }
        TicketEntity ticket = em.find(TicketEntity.class, approval.getTicketId());
        history(em, ticket, clock.instant(), WorkflowSteps.SYSTEM, "approval-reminded", approval.getStageKey(), null, approval.getApprover());
        event(em, "REMINDED", ticket, approval, Map.of());
    }

    private void timeout(EntityManager em, long approvalId, Instant dueAt) {
        ApprovalEntity found = em.find(ApprovalEntity.class, approvalId);
        if (found == null) {
            return;
        }
        TicketEntity ticket = lockTicket(em, found.getTicketId());
        em.refresh(found);
        if (!Approval.PENDING.equals(found.getState())) {
            return;
        }
        Optional<ApprovalStage> stage = stageOf(ticket, found);
        StageTimeout timeout = stage.map(ApprovalStage::timeout).orElse(null);
        if (timeout == null) {
            return;
        }
        String waited = "No decision within " + timeout.after() + ": ";
        switch (timeout.decision()) {
            case StageTimeout.APPROVE -> decide(em, ticket, found, Approval.APPROVED, WorkflowSteps.SYSTEM, null,
                    waited + "approved, as the request type says");
            case StageTimeout.REJECT -> decide(em, ticket, found, Approval.REJECTED, WorkflowSteps.SYSTEM, null,
                    waited + "rejected, as the request type says");
            default -> escalate(em, ticket, found, stage.get(), waited);
        }
    }

    /** Passes an overdue approval to the approver's manager, who gets the stage's full time again. */
    private void escalate(EntityManager em, TicketEntity ticket, ApprovalEntity approval, ApprovalStage stage, String waited) {
        Instant now = clock.instant();
        Optional<String> manager = resolution.managerOfPerson(approval.getApprover())
                .filter(m -> !m.equals(ticket.getRequester()))
                .filter(m -> stageRows(em, ticket, approval.getStageIndex()).stream().noneMatch(a -> a.getApprover().equals(m)));
        if (manager.isEmpty()) {
            LOG.warn("Ticket {}: approval {} is overdue and {} has no manager to escalate to; it stays with them",
                    ticket.getKey(), approval.getId(), approval.getApprover());
            history(em, ticket, now, WorkflowSteps.SYSTEM, "approval-overdue", stage.key(), null, approval.getApprover());
            return;
        }
        approval.setState(Approval.ESCALATED);
        approval.setDecidedBy(WorkflowSteps.SYSTEM);
        approval.setDecidedAt(now);
        approval.setComment(waited + "passed to " + manager.get());
        cancelTimers(em, approval);
        history(em, ticket, now, WorkflowSteps.SYSTEM, "approval-escalated", stage.key(), approval.getApprover(), manager.get());
        event(em, "ESCALATED", ticket, approval, Map.of("to", manager.get()));
        ask(em, ticket, stage, approval.getStageIndex(), manager.get(), now);
    }

    private void cancelTimers(EntityManager em, ApprovalEntity approval) {
        scheduler.cancel(em, REMIND, approval.getId());
        scheduler.cancel(em, TIMEOUT, approval.getId());
    }

    // ---------------------------------------------------------------- lookups

    static TicketEntity lockTicket(EntityManager em, long ticketId) {
        return em.createQuery("SELECT t FROM TicketEntity t WHERE t.id = :id", TicketEntity.class)
                .setParameter("id", ticketId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    Optional<RequestType> typeOf(TicketEntity ticket) {
        return pinned.find(ticket.getTypeKey(), ticket.getTypeVersion());
    }

    /** The process of the state the ticket is in (a pending round keeps the ticket there). */
    private Optional<ApprovalProcess> processOf(TicketEntity ticket) {
        return typeOf(ticket).flatMap(type -> type.approvalOn(ticket.getStatus()));
    }

    /** The stage definition of an approval row, from the type version the ticket pins. */
    Optional<ApprovalStage> stageOf(TicketEntity ticket, ApprovalEntity approval) {
        return typeOf(ticket).flatMap(type -> type.approvals().stream()
                .filter(process -> approval.getStageIndex() < process.stages().size()
                        && process.stages().get(approval.getStageIndex()).key().equals(approval.getStageKey()))
                .map(process -> process.stages().get(approval.getStageIndex()))
                .findFirst());
    }

    /**
     * Form fields that a stage of the current round covers (asked or approved): nobody changes what
     * an approver decides on. Returns the errors for the changed ones.
     */
    List<org.atrium.api.FieldError> lockedFields(EntityManager em, TicketEntity ticket, List<String> changed) {
        boolean standing = Approval.PENDING.equals(ticket.getApprovalState()) || Approval.APPROVED.equals(ticket.getApprovalState());
        if (!standing || changed.stream().noneMatch(f -> f.startsWith("fields."))) {
            return List.of(); // a rejected or withdrawn round covers nothing: the requester may correct and resubmit
        }
        List<ApprovalEntity> covering = em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.ticketId = :t AND a.round = :r"
                + " AND a.state IN ('pending', 'approved') ORDER BY a.id", ApprovalEntity.class)
                .setParameter("t", ticket.getId()).setParameter("r", ticket.getApprovalRound()).getResultList();
        Map<String, String> lockedBy = new HashMap<>();
        for (ApprovalEntity approval : covering) {
            stageOf(ticket, approval).ifPresent(stage -> stage.locks().forEach(field -> lockedBy.merge("fields." + field,
                    approval.getState() + " in stage " + stage.key(), (a, b) -> a.startsWith("approved") ? a : b)));
        }
        List<org.atrium.api.FieldError> errors = new ArrayList<>();
        for (String field : changed) {
            if (lockedBy.containsKey(field)) {
                errors.add(new org.atrium.api.FieldError(field, "is covered by an approval (" + lockedBy.get(field)
                        + ") and can no longer change; withdraw the request and file a new one"));
            }
        }
        return errors;
    }

    private void history(EntityManager em, TicketEntity ticket, Instant at, String actor, String action, String field, String before,
            String after) {
        em.persist(new HistoryEntity(ticket.getId(), at, actor, action, field, before, after));
    }

    private void event(EntityManager em, String what, TicketEntity ticket, ApprovalEntity approval, Map<String, Object> extra) {
        Map<String, Object> properties = baseEvent(ticket);
        properties.putAll(extra);
        properties.put("approval", approval.getId());
        properties.put("stage", approval.getStageKey());
        properties.put("approver", approval.getApprover());
        if (approval.getDueAt() != null) {
            properties.put("dueAt", approval.getDueAt().toString());
        }
        outbox.add(em, Outbox.EVENT, TOPIC + what, properties);
    }

    private static Map<String, Object> baseEvent(TicketEntity ticket) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("key", ticket.getKey());
        properties.put("type", ticket.getTypeKey());
        properties.put("department", ticket.getDepartment());
        properties.put("confidential", ticket.isConfidential());
        return properties;
    }
}
