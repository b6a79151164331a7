package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.BusinessCalendars;
import org.atrium.api.directory.Directory;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.Escalation;
import org.atrium.api.sla.SlaClock;
import org.atrium.api.sla.SlaPolicy;
import org.atrium.core.internal.outbox.Outbox;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.SlaClockEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.schedule.Scheduler;
import org.atrium.core.internal.sla.ClockComputation;
import org.atrium.core.internal.sla.SlaPolicies;
import org.atrium.core.internal.sla.TicketMoment;
import org.atrium.core.internal.workflow.TicketWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each ticket's SLA clocks: after every change (and when a clock's timer falls due) they are
 * folded again from the ticket's whole history with the policy and calendars in force, stored for
 * queues and lists, and given one durable timer at the next moment something happens (a warning or a
 * breach). A warning and a breach are recorded once (history row, event, escalations), whenever a
 * computation first finds them crossed: at their timer, or at the change that stopped the clock late.
 */
final class SlaClocks implements TicketParticipant {
    static final String CHECK = "sla.check";
    static final String TOPIC = "atrium/sla/";
    private static final Logger LOG = LoggerFactory.getLogger(SlaClocks.class);
    private final PinnedTypes pinned;
    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final Directory directory;
    private final Scheduler scheduler;
    private final Outbox outbox;
    private final WorkflowSteps steps;
    private final GroupRule groups;
    private final Clock clock;

    SlaClocks(PinnedTypes pinned, SlaPolicies policies, BusinessCalendars calendars, Directory directory, Scheduler scheduler, Outbox outbox,
            WorkflowSteps steps, GroupRule groups, Clock clock) {
        this.pinned = pinned;
        this.policies = policies;
        this.calendars = calendars;
        this.directory = directory;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.steps = steps;
        this.groups = groups;
        this.clock = clock;
        scheduler.handle(CHECK, this::check);
    }

    /**
     * The tickets whose clocks this node kept in a transaction (by its EntityManager, weakly: an
     * EntityManager lives for one transaction). A ticket created in the transaction and not kept yet
     * has no clock rows and no history but its creation row, so its clocks are folded from memory.
     */
    private final Map<EntityManager, java.util.Set<Long>> keptIn = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The warning time of each ticket whose clocks were kept in a transaction (by EntityManager, weakly),
     * as its stored clocks give it: the answer of a creation takes it from here instead of reading the
     * clocks back (that query was 9 % of a creation's CPU). Empty: kept, no warning time.
     */
    private final Map<EntityManager, Map<Long, Optional<Instant>>> warningsIn =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    @Override
    public void changed(EntityManager em, TicketChange change) {
        TicketEntity ticket = TicketLookup.find(em, change.ticket().key());
        if ("CREATED".equals(change.what()) && !wasKept(em, ticket)) {
            keepNew(em, ticket);
        } else {
            keep(em, ticket);
        }
    }

    private boolean wasKept(EntityManager em, TicketEntity ticket) {
        java.util.Set<Long> kept = keptIn.get(em);
        return kept != null && kept.contains(ticket.getId());
    }

    private void markKept(EntityManager em, TicketEntity ticket) {
        keptIn.computeIfAbsent(em, e -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(ticket.getId());
    }

    /**
     * A ticket created in this transaction whose clocks were not kept yet (an approval that moved it on
     * at once would have kept them): its only history row that the clocks read is its creation, which
     * is rebuilt here instead of read back, and it has no clock rows to read. The row is not stored
     * (id 0): the stored figures never name history rows; an explanation is always folded from the
     * stored history ({@link #compute(EntityManager, TicketEntity, Instant)}).
     */
    private void keepNew(EntityManager em, TicketEntity ticket) {
        TicketWorkflow workflow = steps.workflowOf(ticket);
        if (!workflow.initial().key().equals(ticket.getStatus())) {
            keep(em, ticket); // moved on without the clocks being told: read what the history says
            return;
        }
        keep(em, ticket, false, List.of(creationRow(ticket)));
    }

    private static HistoryEntity creationRow(TicketEntity ticket) {
        return new HistoryEntity(ticket.getId(), ticket.getCreatedAt(), ticket.getRequester(), "created", "status", null, ticket.getStatus());
    }

    /**
     * The queue's due time of a ticket about to be inserted (in its initial state, not persisted yet), so
     * that its row is inserted complete: the clocks kept after the INSERT then find it stored and write no
     * UPDATE (which cost its own statement and the flush of the unit of work it forced). Null without a
     * running clock.
     */
    Instant dueOfNew(TicketEntity ticket) {
        return policyOf(ticket).map(policy -> earliestDue(compute(null, ticket, policy, List.of(creationRow(ticket)), ticket.getCreatedAt())))
                .orElse(null);
    }

    /** A clock's timer: the ticket's clocks are folded again now, which records what has crossed. */
    private void check(EntityManager em, long clockId, Instant dueAt) {
        SlaClockEntity row = em.find(SlaClockEntity.class, clockId);
        if (row != null) {
            keep(em, Approvals.lockTicket(em, row.getTicketId()), true);
        }
    }

    void keep(EntityManager em, TicketEntity ticket) {
        keep(em, ticket, false);
    }

    private void keep(EntityManager em, TicketEntity ticket, boolean retime) {
        keep(em, ticket, retime, null);
    }

    /**
     * Folds, stores and times the ticket's clocks; records warnings and breaches not recorded yet.
     *
     * @param retime true when a timer of the ticket is firing: every running clock gets its timer anew
     * @param history the history of a ticket created in this transaction (it has no clock rows yet), or
     *                null: read both from the database
     */
    private void keep(EntityManager em, TicketEntity ticket, boolean retime, List<HistoryEntity> history) {
        Instant now = clock.instant();
        markKept(em, ticket);
        Optional<SlaPolicy> policy = policyOf(ticket);
        List<SlaClock> clocks = policy.map(p -> compute(em, ticket, p, history == null ? TicketTimeline.rows(em, ticket) : history, now))
                .orElse(List.of());
        Map<String, SlaClockEntity> rows = history != null ? new HashMap<>()
                : em.createQuery("SELECT c FROM SlaClockEntity c WHERE c.ticketId = :t", SlaClockEntity.class)
                .setParameter("t", ticket.getId()).getResultList().stream()
                .collect(Collectors.toMap(SlaClockEntity::getClockKey, row -> row));
        List<Escalation> escalations = new ArrayList<>();
        for (SlaClock computed : clocks) {
            SlaClockEntity row = rows.remove(computed.key());
            boolean fresh = row == null;
            Instant timedBefore = fresh ? null : nextCrossing(row);
            if (fresh) {
                row = new SlaClockEntity(ticket.getId(), computed.key());
                store(row, computed, now);
                em.persist(row); // its id (which names its timer) is assigned here; the insert joins the others at the next flush
                if (row.getId() == 0) {
                    em.flush();
                }
            } else if (!sameFigures(row, computed)) {
                store(row, computed, now); // else nothing is written: computed_at says when the figures last changed
            }
            ClockPolicy clockPolicy = policy.get().clocks().stream().filter(c -> c.key().equals(computed.key())).findFirst().orElse(null);
            escalations.addAll(recordCrossings(em, ticket, row, computed, clockPolicy, policy.get().warnPercent(), now));
            Instant timedNow = nextCrossing(row);
            if (retime || !java.util.Objects.equals(timedBefore, timedNow)) {
                time(em, row, fresh, timedNow); // most changes move no due time: the timer stays as it is
            }
        }
        for (SlaClockEntity gone : rows.values()) { // no target any more (another priority) or no such clock in the policy
            scheduler.cancel(em, CHECK, gone.getId());
            if (gone.getWarnedAt() == null && gone.getBreachedAt() == null) {
                em.remove(gone);
            } else {
                gone.setDueAt(null); // what it recorded stays: a breach is not undone by a later priority
                gone.setWarnAt(null);
                gone.setComputedAt(now);
            }
        }
        storeDueTime(em, ticket, earliestDue(clocks));
        Map<Long, Optional<Instant>> warnings = warningsIn.computeIfAbsent(em, e -> new java.util.concurrent.ConcurrentHashMap<>());
        if (escalations.isEmpty()) {
            warnings.put(ticket.getId(), Optional.ofNullable(warnAtOfDue(clocks, ticket.getSlaDueAt())));
        } else {
            warnings.remove(ticket.getId()); // escalations may change the ticket and its clocks again: read them back
            escalate(em, ticket, escalations, now);
        }
    }

    /**
     * What {@link SlaWarnings#warnAt} reads from the stored clocks, from the clocks just kept (after
     * {@code keep} every stored clock of the ticket holds the computed due and warning times, and those no
     * longer computed hold no due time): the earliest warning of the clocks due at the ticket's due time.
     */
    private static Instant warnAtOfDue(List<SlaClock> clocks, Instant ticketDue) {
        Instant warnAt = null;
        for (SlaClock computed : clocks) {
            if (ticketDue != null && ticketDue.equals(computed.dueAt()) && computed.warnAt() != null) {
                warnAt = warnAt == null || computed.warnAt().isBefore(warnAt) ? computed.warnAt() : warnAt;
            }
        }
        return warnAt;
    }

    /**
     * The answer of a change to the ticket: as {@link SlaWarnings#answer}, with the warning time of the
     * clocks kept in this transaction when they were (no query), else read from the stored clocks.
     */
    org.atrium.api.ticket.Ticket answer(EntityManager em, TicketEntity ticket) {
        Map<Long, Optional<Instant>> warnings = warningsIn.get(em);
        Optional<Instant> warnAt = warnings == null ? null : warnings.get(ticket.getId());
        if (warnAt == null) {
            return SlaWarnings.answer(em, ticket);
        }
        return TicketMapper.toDto(ticket).withSlaWarnAt(warnAt.orElse(null));
    }

    /** The queue's order: the earliest due time of the running clocks (and of breached ones still timed). */
    private static Instant earliestDue(List<SlaClock> clocks) {
        Instant earliest = null;
        for (SlaClock computed : clocks) {
            if (SlaClock.RUNNING.equals(computed.state()) || (SlaClock.BREACHED.equals(computed.state()) && computed.dueAt() != null)) {
                earliest = earliest == null || computed.dueAt().isBefore(earliest) ? computed.dueAt() : earliest;
            }
        }
        return earliest;
    }

    /** When the clock's timer must fire: its warning, then its breach, while it runs; null otherwise. */
    private static Instant nextCrossing(SlaClockEntity row) {
        if (!SlaClock.RUNNING.equals(row.getState()) || row.getBreachedAt() != null) {
            return null;
        }
        return row.getWarnedAt() == null && row.getWarnAt() != null ? row.getWarnAt() : row.getDueAt();
    }

    /** The ticket's clocks as of {@code now}, with their explanation; empty without a policy. */
    List<SlaClock> compute(EntityManager em, TicketEntity ticket, Instant now) {
        return policyOf(ticket).map(policy -> compute(em, ticket, policy, TicketTimeline.rows(em, ticket), now)).orElse(List.of());
    }

    private Optional<SlaPolicy> policyOf(TicketEntity ticket) {
        return pinned.find(ticket.getTypeKey(), ticket.getTypeVersion()).flatMap(policies::effective);
    }

    /**
     * The queue's SLA order lives in a column of the ticket that is a cache of its clocks: written by
     * SQL, so that keeping it gives the ticket no new version (a client's next PATCH is no conflict).
     */
    private static void storeDueTime(EntityManager em, TicketEntity ticket, Instant due) {
        if (java.util.Objects.equals(due, ticket.getSlaDueAt())) {
            return;
        }
        if (due == null) {
            em.createNativeQuery("UPDATE ticket SET sla_due_at = NULL WHERE id = ?").setParameter(1, ticket.getId()).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE ticket SET sla_due_at = ? WHERE id = ?").setParameter(1, java.sql.Timestamp.from(due))
                    .setParameter(2, ticket.getId()).executeUpdate();
        }
        ticket.setSlaDueAt(due);
    }

    private List<SlaClock> compute(EntityManager em, TicketEntity ticket, SlaPolicy policy, List<HistoryEntity> history, Instant now) {
        List<TicketMoment> moments = TicketTimeline.of(ticket, history, steps.workflowOf(ticket),
                person -> directory.find(person).map(p -> p.isAgentOf(ticket.getDepartment())).orElse(false));
        if (moments.isEmpty()) {
            return List.of();
        }
        String priority = moments.get(moments.size() - 1).priority();
        List<SlaClock> clocks = new ArrayList<>();
        for (ClockPolicy clockPolicy : policy.clocks()) {
            Duration target = clockPolicy.targets().get(priority);
            if (target == null) {
                continue; // no target for this priority: no clock
            }
            String name = policy.calendarFor(priority);
            Optional<BusinessCalendar> calendar = calendars.find(name);
            if (calendar.isEmpty()) {
                LOG.error("Ticket {}: clock {} counts in calendar {}, which is not configured; the clock is left out",
                        ticket.getKey(), clockPolicy.key(), name);
                continue;
            }
            clocks.add(ClockComputation.compute(clockPolicy, moments, calendar.get(), target, priority, policy.warnPercent(), now));
        }
        return clocks;
    }

    /** Whether the row already holds what was computed (its computed_at aside). */
    private static boolean sameFigures(SlaClockEntity row, SlaClock computed) {
        return java.util.Objects.equals(row.getKind(), computed.kind()) && java.util.Objects.equals(row.getState(), computed.state())
                && java.util.Objects.equals(row.getPriority(), computed.priority())
                && row.getTargetSeconds() == computed.target().toSeconds()
                && java.util.Objects.equals(row.getCalendar(), computed.calendar())
                && row.getElapsedSeconds() == computed.elapsed().toSeconds()
                && java.util.Objects.equals(row.getDueAt(), computed.dueAt()) && java.util.Objects.equals(row.getWarnAt(), computed.warnAt())
                && java.util.Objects.equals(row.getStoppedAt(), computed.stoppedAt());
    }

    private static void store(SlaClockEntity row, SlaClock computed, Instant now) {
        row.setKind(computed.kind());
        row.setState(computed.state());
        row.setPriority(computed.priority());
        row.setTargetSeconds(computed.target().toSeconds());
        row.setCalendar(computed.calendar());
        row.setElapsedSeconds(computed.elapsed().toSeconds());
        row.setComputedAt(now);
        row.setDueAt(computed.dueAt());
        row.setWarnAt(computed.warnAt());
        row.setStoppedAt(computed.stoppedAt());
    }

    /** One timer per clock, at the next crossing still to come while it runs. */
    private void time(EntityManager em, SlaClockEntity row, boolean fresh, Instant next) {
        if (!fresh) {
            scheduler.cancel(em, CHECK, row.getId());
        }
        if (next != null) {
            scheduler.schedule(em, CHECK, row.getId(), next);
        }
    }

    /** Records a warning and a breach the first time a computation finds them crossed; returns their escalations. */
    private List<Escalation> recordCrossings(EntityManager em, TicketEntity ticket, SlaClockEntity row, SlaClock computed, ClockPolicy policy,
            int warnPercent, Instant now) {
        List<Escalation> escalations = new ArrayList<>();
        if (SlaClock.CANCELLED.equals(computed.state()) || SlaClock.WAITING.equals(computed.state())) {
            return escalations;
        }
        boolean warned = computed.elapsed().multipliedBy(100).compareTo(computed.target().multipliedBy(warnPercent)) >= 0;
        boolean breached = SlaClock.BREACHED.equals(computed.state());
        if (warned && row.getWarnedAt() == null && !breached) {
            row.setWarnedAt(now);
            record(em, ticket, row, computed, "WARNING", "sla-warning", policy == null ? List.of() : policy.onWarning(), now);
            escalations.addAll(policy == null ? List.of() : policy.onWarning());
        }
        if (breached && row.getBreachedAt() == null) {
            if (row.getWarnedAt() == null) {
                row.setWarnedAt(now); // a breach found at once (a clock stopped late) needs no warning after it
            }
            row.setBreachedAt(now);
            record(em, ticket, row, computed, "BREACHED", "sla-breached", policy == null ? List.of() : policy.onBreach(), now);
            escalations.addAll(policy == null ? List.of() : policy.onBreach());
        }
        return escalations;
    }

    private void record(EntityManager em, TicketEntity ticket, SlaClockEntity row, SlaClock computed, String what, String action,
            List<Escalation> escalations, Instant now) {
        em.persist(new HistoryEntity(ticket.getId(), now, WorkflowSteps.SYSTEM, action, computed.key(), null,
                computed.dueAt() == null ? null : "due " + computed.dueAt()));
        Map<String, Object> event = new HashMap<>();
        event.put("key", ticket.getKey());
        event.put("type", ticket.getTypeKey());
        event.put("department", ticket.getDepartment());
        event.put("confidential", ticket.isConfidential());
        event.put("clock", computed.key());
        event.put("kind", computed.kind());
        event.put("priority", computed.priority());
        event.put("elapsedSeconds", computed.elapsed().toSeconds());
        event.put("targetSeconds", computed.target().toSeconds());
        if (computed.dueAt() != null) {
            event.put("dueAt", computed.dueAt().toString());
        }
        List<String> notify = escalations.stream().filter(e -> Escalation.NOTIFY_ROLE.equals(e.action())).map(Escalation::value).toList();
        if (!notify.isEmpty()) {
            event.put("notify", notify);
        }
        outbox.add(em, Outbox.EVENT, TOPIC + what, event);
        LOG.info("Ticket {}: SLA clock {} {}", ticket.getKey(), computed.key(), what.toLowerCase(java.util.Locale.ROOT));
    }

    /** The escalations a warning or breach names: a higher priority, another group; roles are named in the event. */
    private void escalate(EntityManager em, TicketEntity ticket, List<Escalation> escalations, Instant now) {
        Changes changes = new Changes(em, ticket, WorkflowSteps.SYSTEM, now);
        for (Escalation escalation : escalations) {
            switch (escalation.action()) {
                case Escalation.RAISE_PRIORITY -> raise(ticket, escalation.value(), changes);
                case Escalation.ASSIGN_GROUP -> assignGroup(ticket, escalation.value(), changes);
                default -> {
                    // notify-role: in the event, for notifications
                }
            }
        }
        if (changes.any()) {
            ticket.setUpdatedAt(now);
            em.flush();
            keep(em, ticket); // a higher priority may have a shorter target: the clocks follow (crossings are recorded once)
        }
    }

    /** Raises (never lowers) the priority by raising urgency, then impact: the priority stays what impact x urgency say. */
    private static void raise(TicketEntity ticket, String to, Changes changes) {
        org.atrium.api.ticket.Priority wanted = org.atrium.api.ticket.Priority.valueOf(to);
        for (String level : List.of("urgency", "impact")) {
            if (ticket.getPriority() <= wanted.rank()) {
                return;
            }
            String before = org.atrium.api.ticket.Priority.ofRank(ticket.getPriority()).name();
            if ("urgency".equals(level)) {
                changes.set("urgency", ticket.getUrgency(), "high", ticket::setUrgency);
            } else {
                changes.set("impact", ticket.getImpact(), "high", ticket::setImpact);
            }
            org.atrium.api.ticket.Priority now = org.atrium.api.ticket.Priority.of(
                    org.atrium.api.ticket.Level.parse(ticket.getImpact()).orElseThrow(),
                    org.atrium.api.ticket.Level.parse(ticket.getUrgency()).orElseThrow());
            changes.set("priority", before, now.name(), p -> ticket.setPriority(now.rank()));
        }
    }

    private void assignGroup(TicketEntity ticket, String group, Changes changes) {
        if (groups.configured().find(ticket.getDepartment(), group).isEmpty()) {
            LOG.warn("Ticket {}: the SLA escalation names group {}, which {} does not have; not reassigned", ticket.getKey(), group,
                    ticket.getDepartment());
            return;
        }
        changes.set(GroupRule.FIELD, ticket.getAssignmentGroup(), group, ticket::setAssignmentGroup);
        if (ticket.getAssignee() != null && !groups.configured().find(ticket.getDepartment(), group).orElseThrow().hasMember(ticket.getAssignee())) {
            changes.record("assignee", ticket.getAssignee(), null);
            ticket.setAssignee(null);
        }
    }
}
