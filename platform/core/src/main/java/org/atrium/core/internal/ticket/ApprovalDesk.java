package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.approval.Approval;
import org.atrium.api.approval.ApprovalService;
import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.approval.Decision;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.core.internal.access.ApproverStanding;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.ApprovalEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * The approvers' side: their inbox, deciding, handing over, and what an approver may read of a
 * ticket. Who may decide is TicketAccessPolicy's say (the approver, or their out-of-office delegate on
 * a day they are away, never the ticket's requester); the desk finds how the caller stands.
 */
final class ApprovalDesk implements ApprovalService {
    static final int MAX_COMMENT = 4000;
    private static final int INBOX_LIMIT = 200;
    private final Database db;
    private final Approvals approvals;
    private final Directory directory;
    private final Clock clock;
    private final Runnable delivered;

    ApprovalDesk(Database db, Approvals approvals, Directory directory, Clock clock, Runnable delivered) {
        this.db = db;
        this.approvals = approvals;
        this.directory = directory;
        this.clock = clock;
        this.delivered = delivered;
    }

    @Override
    public List<Approval> inbox(Caller caller, String state) {
        String shown = state == null || state.isBlank() ? "pending" : state;
        if (!INBOX_STATES.contains(shown)) {
            throw new ValidationException("state", "must be one of " + String.join(", ", INBOX_STATES));
        }
        List<String> people = new ArrayList<>(List.of(caller.user()));
        directory.actingThrough(caller.user(), today()).forEach(person -> people.add(person.id()));
        return db.read(em -> {
            List<ApprovalEntity> rows = switch (shown) {
                case "pending" -> em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.approver IN :people AND a.state = 'pending'"
                        + " ORDER BY a.id DESC", ApprovalEntity.class).setParameter("people", people)
                        .setMaxResults(INBOX_LIMIT).getResultList();
                case "decided" -> em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.decidedBy = :me ORDER BY a.id DESC",
                        ApprovalEntity.class).setParameter("me", caller.user()).setMaxResults(INBOX_LIMIT).getResultList();
                default -> em.createQuery("SELECT a FROM ApprovalEntity a WHERE (a.approver IN :people AND a.state = 'pending')"
                        + " OR a.decidedBy = :me OR a.approver = :me ORDER BY a.id DESC", ApprovalEntity.class)
                        .setParameter("people", people).setParameter("me", caller.user()).setMaxResults(INBOX_LIMIT).getResultList();
            };
            return rows.stream().map(row -> toDto(em, row)).toList();
        });
    }

    @Override
    public Approval get(Caller caller, long id) {
        return db.read(em -> {
            ApprovalEntity approval = find(em, id);
            TicketEntity ticket = em.find(TicketEntity.class, approval.getTicketId());
            TicketAccessPolicy.checkSeesApproval(caller, ticket, id, involved(caller, approval));
            return toDto(em, approval);
        });
    }

    @Override
    public Approval decide(Caller caller, long id, Decision decision) {
        String state = checkDecision(decision);
        Approval decided = db.inTransaction(em -> {
            ApprovalEntity approval = find(em, id);
            TicketEntity ticket = Approvals.lockTicket(em, approval.getTicketId());
            em.refresh(approval); // as it stands now that the ticket is ours: another decision may just have committed
            String onBehalfOf = authority(caller, approval, ticket);
            checkOpen(ticket, approval);
            approvals.decide(em, ticket, approval, state, caller.user(), onBehalfOf, blankToNull(decision.comment()));
            em.flush();
            return toDto(em, approval);
        });
        delivered.run();
        return decided;
    }

    @Override
    public Approval handOver(Caller caller, long id, String to) {
        if (to == null || to.isBlank()) {
            throw new ValidationException("to", "is required: the id of the colleague who decides instead");
        }
        Person colleague = directory.find(to).filter(Person::active)
                .orElseThrow(() -> new ValidationException("to", "is not an active person in the directory"));
        Approval handed = db.inTransaction(em -> {
            ApprovalEntity approval = find(em, id);
            TicketEntity ticket = Approvals.lockTicket(em, approval.getTicketId());
            em.refresh(approval);
            authority(caller, approval, ticket);
            checkOpen(ticket, approval);
            if (colleague.id().equals(ticket.getRequester())) {
                throw new ValidationException("to", "is the requester, who does not decide on their own request");
            }
            boolean alreadyAsked = em.createQuery("SELECT COUNT(a) FROM ApprovalEntity a WHERE a.ticketId = :t AND a.round = :r"
                    + " AND a.stageIndex = :s AND a.approver = :p AND a.state <> 'withdrawn' AND a.state <> 'escalated'", Long.class)
                    .setParameter("t", ticket.getId()).setParameter("r", approval.getRound()).setParameter("s", approval.getStageIndex())
                    .setParameter("p", colleague.id()).getSingleResult() > 0;
            if (alreadyAsked) {
                throw new ValidationException("to", "already approves this stage");
            }
            String from = approval.getApprover();
            approval.setApprover(colleague.id());
            approval.setHandedOverBy(caller.user());
            em.persist(new org.atrium.core.internal.persistence.HistoryEntity(ticket.getId(), clock.instant(), caller.user(),
                    "approval-handed-over", approval.getStageKey(), from, colleague.id()));
            em.flush();
            return toDto(em, approval);
        });
        delivered.run();
        return handed;
    }

    @Override
    public List<Approval> ofTicket(Caller caller, String ticketKey) {
        return db.read(em -> {
            TicketEntity ticket = readable(em, caller, ticketKey);
            return em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.ticketId = :t ORDER BY a.round, a.stageIndex, a.id",
                    ApprovalEntity.class).setParameter("t", ticket.getId()).getResultList().stream()
                    .map(row -> toDto(em, row, ticket)).toList();
        });
    }

    // ---------------------------------------------------------------- what approvers may read of a ticket

    /** The ticket for anyone who may see it, or for one of its approvers (who sees only the fields their stages show). */
    TicketEntity readable(EntityManager em, Caller caller, String key) {
        TicketEntity ticket = TicketLookup.find(em, key);
        TicketAccessPolicy.check(TicketAction.READ, caller, ticket, () -> shownTo(em, caller, ticket).isPresent());
        return ticket;
    }

    /**
     * The form fields the caller sees as an approver of the ticket (asked, decided, handed over, or
     * acting for an approver who is away); empty when they are none of these.
     */
    Optional<Set<String>> shownTo(EntityManager em, Caller caller, TicketEntity ticket) {
        List<ApprovalEntity> rows = em.createQuery("SELECT a FROM ApprovalEntity a WHERE a.ticketId = :t ORDER BY a.id",
                ApprovalEntity.class).setParameter("t", ticket.getId()).getResultList();
        Set<String> shows = new TreeSet<>();
        boolean any = false;
        for (ApprovalEntity row : rows) {
            if (involved(caller, row)) {
                any = true;
                approvals.stageOf(ticket, row).ifPresent(stage -> shows.addAll(stage.shows()));
            }
        }
        return any ? Optional.of(shows) : Optional.empty();
    }

    /** The ticket as an approver who may not otherwise see it reads it: no description, only the fields shown. */
    static Ticket approverView(Ticket ticket, Set<String> shows) {
        Map<String, Object> fields = new LinkedHashMap<>();
        ticket.fields().forEach((name, value) -> {
            if (shows.contains(name)) {
                fields.put(name, value);
            }
        });
        return new Ticket(ticket.key(), ticket.type(), ticket.typeVersion(), ticket.department(), ticket.summary(), null,
                ticket.requester(), ticket.assignee(), ticket.assignmentGroup(), ticket.status(), ticket.statusCategory(),
                ticket.resolutionCode(), ticket.impact(), ticket.urgency(), ticket.priority(), ticket.confidential(), fields,
                ticket.createdAt(), ticket.updatedAt(), ticket.version(), ticket.approval(), ticket.slaDueAt(), ticket.slaWarnAt(), null);
    }

    // ---------------------------------------------------------------- checks

    private static String checkDecision(Decision decision) {
        List<FieldError> errors = new ArrayList<>();
        String state = null;
        if (decision == null || decision.decision() == null) {
            errors.add(new FieldError("decision", "is required: approve or reject"));
        } else if (Decision.APPROVE.equals(decision.decision())) {
            state = Approval.APPROVED;
        } else if (Decision.REJECT.equals(decision.decision())) {
            state = Approval.REJECTED;
        } else {
            errors.add(new FieldError("decision", "must be approve or reject"));
        }
        String comment = decision == null ? null : decision.comment();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (Approval.REJECTED.equals(state) && (comment == null || comment.isBlank())) {
            errors.add(new FieldError("comment", "is required for a rejection: the requester reads it as the reason"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return state;
    }

    /**
     * Who the caller decides for: null for their own approval, the approver's id when the caller is
     * their out-of-office delegate today. Everyone else is refused, the requester above all.
     */
    private String authority(Caller caller, ApprovalEntity approval, TicketEntity ticket) {
        return TicketAccessPolicy.checkDecides(caller, ticket, approval.getId(), standing(caller, approval), involved(caller, approval));
    }

    /** How the caller stands to the approval: its approver, the approver's out-of-office delegate (today or not), or neither. */
    private ApproverStanding standing(Caller caller, ApprovalEntity approval) {
        if (caller.user().equals(approval.getApprover())) {
            return ApproverStanding.approver(approval.getApprover());
        }
        Optional<OutOfOffice> away = directory.find(approval.getApprover()).map(Person::outOfOffice)
                .filter(absence -> caller.user().equals(absence.delegate()));
        if (away.isEmpty()) {
            return ApproverStanding.none(approval.getApprover());
        }
        return away.get().covers(today()) ? ApproverStanding.delegateToday(approval.getApprover())
                : ApproverStanding.delegateNotToday(approval.getApprover(), away.get().from(), away.get().until());
    }

    private static void checkOpen(TicketEntity ticket, ApprovalEntity approval) {
        if (StatusCategory.CLOSED.json().equals(ticket.getStatusCategory())) {
            throw new ConflictException("Ticket " + ticket.getKey() + " is closed; approval " + approval.getId()
                    + " is no longer needed", approval.getVersion());
        }
        if (!Approval.PENDING.equals(approval.getState())) {
            String by = approval.getDecidedBy() == null ? "" : " by " + approval.getDecidedBy();
            throw new ConflictException("Approval " + approval.getId() + " is already " + approval.getState() + by
                    + (approval.getDecidedAt() == null ? "" : " at " + approval.getDecidedAt()) + "; a decision is final",
                    approval.getVersion());
        }
    }

    private boolean involved(Caller caller, ApprovalEntity approval) {
        String me = caller.user();
        if (me.equals(approval.getApprover()) || me.equals(approval.getDecidedBy()) || me.equals(approval.getHandedOverBy())) {
            return true;
        }
        return Approval.PENDING.equals(approval.getState()) && directory.find(approval.getApprover())
                .flatMap(person -> person.delegateOn(today())).filter(me::equals).isPresent();
    }

    private static ApprovalEntity find(EntityManager em, long id) {
        ApprovalEntity approval = em.find(ApprovalEntity.class, id);
        if (approval == null) {
            throw new NotFoundException("No approval " + id);
        }
        return approval;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private Approval toDto(EntityManager em, ApprovalEntity row) {
        return toDto(em, row, em.find(TicketEntity.class, row.getTicketId()));
    }

    private Approval toDto(EntityManager em, ApprovalEntity row, TicketEntity ticket) {
        Optional<ApprovalStage> stage = approvals.stageOf(ticket, row);
        Map<String, Object> all = Json.readMap(ticket.getFieldsJson());
        Map<String, Object> shown = new LinkedHashMap<>();
        stage.ifPresent(s -> s.shows().forEach(name -> {
            if (all.containsKey(name)) {
                shown.put(name, all.get(name));
            }
        }));
        return new Approval(row.getId(), ticket.getKey(), ticket.getSummary(), ticket.getTypeKey(), row.getRound(), row.getStageKey(),
                stage.map(ApprovalStage::names).orElse(Map.of()), row.getApprover(), row.getHandedOverBy(), row.getState(),
                row.getDecidedBy(), row.getOnBehalfOf(), row.getComment(), row.getRequestedAt(), row.getDueAt(), row.getDecidedAt(),
                shown, row.getVersion());
    }
}
