package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.directory.AssignmentGroups;
import org.atrium.api.directory.Directory;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Comment;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.Level;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketService;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.Transition;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.api.ticket.Link;
import org.atrium.api.ticket.LinkedMove;
import org.atrium.api.ticket.NewLink;
import org.atrium.core.internal.persistence.LinkEntity;
import org.atrium.api.LockedFieldException;
import org.atrium.api.workflow.StateAction;
import org.atrium.api.workflow.StatusCategory;
import org.atrium.api.workflow.Workflow;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.api.workflow.WorkflowTransition;
import org.atrium.core.internal.catalog.DefaultWorkflows;
import org.atrium.core.internal.workflow.FieldRules;
import org.atrium.core.internal.workflow.Parties;
import org.atrium.core.internal.workflow.TicketFacts;
import org.atrium.core.internal.workflow.TicketWorkflow;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.extension.Extensions;
import org.atrium.core.internal.form.FormProcessor;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = {TicketService.class, DueTransitions.class})
public class TicketServiceImpl implements TicketService, DueTransitions {
    /** The actor recorded for what the server does by itself (auto-close). */
    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(TicketServiceImpl.class);
    private final Database db;
    private final RequestTypeRegistry types;
    private final Extensions extensions;
    private final Clock clock;
    private final TicketKeyAllocator keys;
    private final PinnedTypes pinned;
    private final FormProcessor forms;
    private final TicketEvents events;
    private final AssigneeRule assignees;
    private final GroupRule groups;

    @Activate
    public TicketServiceImpl(@Reference Database db, @Reference RequestTypeRegistry types, @Reference Extensions extensions,
            @Reference EventAdmin eventAdmin, @Reference Directory directory, @Reference AssignmentGroups groups) {
        this(db, types, extensions, Clock.systemUTC(), new TicketEvents(eventAdmin), directory, groups);
    }

    /** For tests: no Java extensions installed. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Clock clock) {
        this(db, types, new Extensions(), clock);
    }

    /** For tests: no events are posted; the directory is Atrium's own, in the same database. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock) {
        this(db, types, extensions, clock, new TicketEvents(null), new DirectoryService(new DatabaseDirectoryProvider(db)),
                new AssignmentGroupsService());
    }

    /** For tests: no events; the directory is Atrium's own; the given assignment groups. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Clock clock, AssignmentGroups groups) {
        this(db, types, new Extensions(), clock, new TicketEvents(null), new DirectoryService(new DatabaseDirectoryProvider(db)), groups);
    }

    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock, TicketEvents events,
            Directory directory, AssignmentGroups groups) {
        this.events = events;
        this.db = db;
        this.types = types;
        this.extensions = extensions;
        // PostgreSQL keeps microseconds: a write's answer then shows the times a later read gives
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        this.keys = new TicketKeyAllocator(db);
        this.pinned = new PinnedTypes(db, types, this.clock);
        // timestamps are UTC instants; "today" for the date rules of forms is the date in the server's zone
        this.forms = new FormProcessor(extensions, directory, this.clock.withZone(ZoneId.systemDefault()));
        this.assignees = new AssigneeRule(directory);
        this.groups = new GroupRule(groups);
    }

    @Override
    public Ticket create(Caller caller, NewTicket input) {
        List<FieldError> errors = new ArrayList<>();
        RequestType type = input.type() == null ? null : types.find(input.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", input.type() == null ? "is required" : "is not in the catalog"));
        }
        TicketInput.summary(input.summary(), true, errors);
        TicketInput.description(input.description(), errors);
        TicketInput.level("impact", input.impact(), errors);
        TicketInput.level("urgency", input.urgency(), errors);
        Map<String, Object> values = withoutNulls(input.fields());
        if (type != null) {
            values = forms.process(type, caller, caller.user(), values, input.fields().keySet(), true, errors);
        }
        String fieldsJson = Json.write(values);
        TicketInput.fieldsSize(fieldsJson, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Level impact = TicketInput.levelOrMedium(input.impact());
        Level urgency = TicketInput.levelOrMedium(input.urgency());
        Instant now = clock.instant();
        pinned.remember(type);

        TicketEntity ticket = new TicketEntity();
        ticket.setKeyPrefix(type.keyPrefix());
        ticket.setTypeKey(type.key());
        ticket.setTypeVersion(type.schemaVersion());
        ticket.setDepartment(type.department());
        ticket.setConfidential(type.confidential());
        ticket.setSummary(input.summary().strip());
        ticket.setDescription(input.description());
        ticket.setRequester(caller.user());
        WorkflowState initial = TicketWorkflow.of(type).initial();
        ticket.setStatus(initial.key());
        ticket.setStatusCategory(initial.category().json());
        ticket.setStatusChangedAt(now);
        ticket.setImpact(impact.json());
        ticket.setUrgency(urgency.json());
        ticket.setPriority(Priority.of(impact, urgency).rank());
        ticket.setFieldsJson(fieldsJson);
        ticket.setAssignmentGroup(groups.routed(type, values));
        ticket.setCreatedAt(now);
        ticket.setUpdatedAt(now);
        Ticket created = db.inTransaction(em -> {
            // the key last: its counter row stays locked until this transaction ends
            long number = keys.next(em, type.keyPrefix());
            ticket.setKeyNumber(number);
            ticket.setKey(TicketKeyAllocator.key(type.keyPrefix(), number));
            em.persist(ticket);
            em.flush(); // entities are not linked by mappings: write the ticket before the rows that reference it
            em.persist(new HistoryEntity(ticket.getId(), now, caller.user(), "created", "status", null, ticket.getStatus()));
            return TicketMapper.toDto(ticket);
        });
        events.post("CREATED", created, caller.user(), Map.of());
        runActions(created, initial, null, caller.user());
        return created;
    }

    @Override
    public Ticket get(Caller caller, String key) {
        return db.read(em -> TicketMapper.toDto(visibleTicket(em, caller, key)));
    }

    @Override
    public TicketPage list(Caller caller, TicketQuery query) {
        QueueRequest request = QueueRequest.check(caller, query, knownStates(), groups.configured());
        return db.read(em -> {
            List<TicketEntity> rows = TicketQueries.page(em, caller, request);
            int limit = request.query().limit();
            boolean more = rows.size() > limit;
            List<TicketEntity> page = more ? rows.subList(0, limit) : rows;
            String next = more ? QueueCursor.after(request.sort(), page.get(page.size() - 1)).encode() : null;
            return new TicketPage(page.stream().map(TicketMapper::toDto).toList(), next);
        });
    }

    @Override
    public Ticket update(Caller caller, String key, TicketUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.version() == null) {
            errors.add(new FieldError("version", "is required: send the version you last read"));
        }
        TicketInput.summary(update.summary(), false, errors);
        TicketInput.description(update.description(), errors);
        TicketInput.level("impact", update.impact(), errors);
        TicketInput.level("urgency", update.urgency(), errors);
        TicketInput.person("assignee", update.assignee(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Ticket updated = withCurrentVersionOnConflict(key, () -> db.inTransaction(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            checkVersion(ticket, update.version());
            Parties parties = partiesOf(em, caller, ticket); // as the ticket stands: assigning oneself does not make one the assignee yet
            String assignee = AssigneeRule.ME.equals(update.assignee()) ? caller.user() : update.assignee();
            if (assignee != null && !assignee.equals(ticket.getAssignee())) {
                // who may assign is a field rule (403); whom one may assign is the directory's answer (400)
                checkFieldRules(parties, ticket, List.of("assignee"));
                assignee = assignees.check(caller, ticket.getDepartment(), assignee);
            }
            String group = update.assignmentGroup();
            if (group != null && !group.equals(ticket.getAssignmentGroup())) {
                checkFieldRules(parties, ticket, List.of(GroupRule.FIELD));
                groups.check(ticket.getDepartment(), group);
            }
            boolean assigneeChanged = assignee != null && !assignee.equals(ticket.getAssignee());
            if (assigneeChanged || (group != null && !group.equals(ticket.getAssignmentGroup()))) {
                groups.checkMember(ticket.getDepartment(), group != null ? group : ticket.getAssignmentGroup(),
                        assignee != null ? assignee : ticket.getAssignee(), assigneeChanged ? "assignee" : GroupRule.FIELD);
            }
            Changes changes = new Changes(em, ticket, caller.user(), clock.instant());
            changes.set("summary", ticket.getSummary(), update.summary() == null ? null : update.summary().strip(), ticket::setSummary);
            changes.set("description", ticket.getDescription(), update.description(), ticket::setDescription);
            changes.set("assignee", ticket.getAssignee(), assignee, ticket::setAssignee);
            changes.set(GroupRule.FIELD, ticket.getAssignmentGroup(), group, ticket::setAssignmentGroup);
            changes.set("impact", ticket.getImpact(), normalise(update.impact()), ticket::setImpact);
            changes.set("urgency", ticket.getUrgency(), normalise(update.urgency()), ticket::setUrgency);
            Priority priority = Priority.of(Level.parse(ticket.getImpact()).orElseThrow(), Level.parse(ticket.getUrgency()).orElseThrow());
            changes.set("priority", Priority.ofRank(ticket.getPriority()).name(), priority.name(), p -> ticket.setPriority(priority.rank()));
            if (update.fields() != null) {
                updateFields(caller, ticket, update.fields(), changes);
            }
            checkFieldRules(parties, ticket, changes);
            if (changes.any()) {
                ticket.setUpdatedAt(changes.at());
                em.flush();
            }
            return TicketMapper.toDto(ticket);
        }));
        if (updated.version() != update.version()) {
            events.post("UPDATED", updated, caller.user(), Map.of());
        }
        return updated;
    }

    /** The names a patch gives another value than the stored one (compared as the JSON they are stored as). */
    private static Set<String> changed(Map<String, Object> stored, Map<String, Object> patch) {
        return patch.keySet().stream()
                .filter(name -> !Json.write(stored.get(name)).equals(Json.write(patch.get(name))))
                .collect(Collectors.toSet());
    }

    /** Applies a fields patch (null clears a field) and checks the result against the ticket's own version. */
    private void updateFields(Caller caller, TicketEntity ticket, Map<String, Object> patch, Changes changes) {
        Map<String, Object> stored = Json.readMap(ticket.getFieldsJson());
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        patch.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        List<FieldError> errors = new ArrayList<>();
        RequestType type = pinned.find(ticket.getTypeKey(), ticket.getTypeVersion()).orElse(null);
        Map<String, Object> values;
        if (type != null) {
            values = forms.process(type, caller, ticket.getRequester(), merged, patch.keySet(), changed(stored, patch), false, errors);
        } else {
            // a ticket older than the version store: keep it workable on the fields it has
            patch.keySet().stream().filter(name -> !stored.containsKey(name))
                    .forEach(name -> errors.add(new FieldError("fields." + name, "is not a field of this ticket")));
            values = merged;
        }
        String fieldsJson = Json.write(values);
        TicketInput.fieldsSize(fieldsJson, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Set<String> names = new LinkedHashSet<>(stored.keySet());
        names.addAll(values.keySet());
        for (String name : names) {
            // compared as stored (JSON): a calculator's 5L and the stored 5 are the same value
            String before = stored.containsKey(name) ? Json.write(stored.get(name)) : null;
            String after = values.containsKey(name) ? Json.write(values.get(name)) : null;
            if (!Objects.equals(before, after)) {
                changes.record("fields." + name, before, after);
            }
        }
        ticket.setFieldsJson(fieldsJson);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    @Override
    public List<Transition> transitions(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            TicketWorkflow workflow = workflowOf(ticket);
            Map<String, Object> fields = Json.readMap(ticket.getFieldsJson());
            TicketFacts facts = new StoredFacts(em);
            return workflow.allowed(ticket.getStatus(), partiesOf(em, caller, ticket)).stream()
                    .map(step -> withOffers(em, caller, ticket, workflow, step, workflow.describe(step, fields, ticket.getId(), facts)))
                    .toList();
        });
    }

    @Override
    public Ticket transition(Caller caller, String key, TransitionRequest request) {
        if (request.to() == null || request.to().isBlank()) {
            throw new ValidationException("to", "is required: the state to move to (GET .../transitions lists them)");
        }
        String[] from = new String[1];
        WorkflowState[] entered = new WorkflowState[1];
        List<Moved> alongside = new ArrayList<>();
        Ticket moved = withCurrentVersionOnConflict(key, () -> db.inTransaction(em -> {
            alongside.clear();
            TicketEntity ticket = visibleTicket(em, caller, key);
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
            for (int i = 0; i < request.linked().size(); i++) {
                alongside.add(moveLinked(em, caller, ticket, request.linked().get(i), "linked[" + i + "]"));
            }
            return TicketMapper.toDto(ticket);
        }));
        events.post("TRANSITIONED", moved, caller.user(), Map.of("from", from[0], "to", moved.status()));
        runActions(moved, entered[0], from[0], caller.user());
        for (Moved along : alongside) {
            events.post("TRANSITIONED", along.ticket(), caller.user(), Map.of("from", along.from(), "to", along.ticket().status()));
            runActions(along.ticket(), along.entered(), along.from(), caller.user());
        }
        return moved;
    }

    /** A linked ticket moved in the same transaction, for the events and actions after the commit. */
    private record Moved(Ticket ticket, String from, WorkflowState entered) {
    }

    /** Moves a ticket linked to {@code ticket} as the request says, with every check of a transition of its own. */
    private Moved moveLinked(EntityManager em, Caller caller, TicketEntity ticket, LinkedMove move, String at) {
        if (move == null || move.key() == null || move.to() == null) {
            throw new ValidationException(at, "needs the linked ticket's key and the state to move it to");
        }
        TicketEntity other = visibleTicket(em, caller, move.key());
        if (linkBetween(em, ticket.getId(), other.getId()).isEmpty()) {
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
        return new Moved(TicketMapper.toDto(other), from, target);
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
            if (!TicketAccess.canSee(caller, other) || StatusCategory.parse(other.getStatusCategory()).orElseThrow().isDone()) {
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
    private void enter(TicketEntity ticket, WorkflowState target, Changes changes) {
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

    /** The "run" actions of the state entered, after the commit: they cannot undo the transition. */
    private void runActions(Ticket ticket, WorkflowState entered, String from, String actor) {
        for (StateAction action : entered.onEnter()) {
            if (action.run() == null) {
                continue;
            }
            String name = action.run();
            extensions.action(name).ifPresentOrElse(transitionAction -> {
                try {
                    transitionAction.onEnter(ticket, from, actor);
                } catch (RuntimeException e) {
                    LOG.error("Transition action {} failed for ticket {} entering {}", name, ticket.key(), ticket.status(), e);
                }
            }, () -> LOG.warn("Transition action {} of ticket {} is not running; skipped", name, ticket.key()));
        }
    }

    @Override
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
            if (state.autoCloseTo() == null) {
                ticket.setAutoCloseAt(null);
                return null;
            }
            from[0] = ticket.getStatus();
            entered[0] = workflow.state(state.autoCloseTo());
            enter(ticket, entered[0], new Changes(em, ticket, SYSTEM, now));
            em.flush();
            return TicketMapper.toDto(ticket);
        });
        if (closed == null) {
            return false;
        }
        events.post("TRANSITIONED", closed, SYSTEM, Map.of("from", from[0], "to", closed.status(), "auto", true));
        runActions(closed, entered[0], from[0], SYSTEM);
        return true;
    }

    /** Every changed field must be one the caller may change in the ticket's present category. */
    private void checkFieldRules(Parties parties, TicketEntity ticket, Changes changes) {
        checkFieldRules(parties, ticket, changes.fields());
    }

    private void checkFieldRules(Parties parties, TicketEntity ticket, List<String> changed) {
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

    private Parties partiesOf(EntityManager em, Caller caller, TicketEntity ticket) {
        return new Parties(caller, TicketAccess.isRequester(caller, ticket), caller.user().equals(ticket.getAssignee()),
                TicketAccess.canWork(caller, ticket), new StoredFacts(em).isApprover(ticket.getId(), caller.user()));
    }

    /** The guards' questions answered from the database, inside the caller's transaction. */
    private record StoredFacts(EntityManager em) implements TicketFacts {
        @Override
        public int undecidedApprovals(long ticketId) {
            return 0; // approvals are not recorded yet (issue 8): no ticket has an undecided one
        }

        @Override
        public List<String> unresolvedChildren(long ticketId) {
            return em.createQuery("SELECT t.key FROM LinkEntity l, TicketEntity t WHERE t.id = l.toTicket AND l.fromTicket = :id"
                    + " AND l.type = :parent AND t.statusCategory NOT IN ('resolved', 'closed') ORDER BY t.id", String.class)
                    .setParameter("id", ticketId).setParameter("parent", LinkTypes.PARENT_OF).getResultList();
        }

        @Override
        public boolean isApprover(long ticketId, String user) {
            return false; // as above: nobody is an approver until approvals are recorded
        }
    }

    /** The workflow of the type version the ticket pins; bundles may update or leave meanwhile. */
    private TicketWorkflow workflowOf(TicketEntity ticket) {
        return pinned.find(ticket.getTypeKey(), ticket.getTypeVersion()).map(TicketWorkflow::of)
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.getKey() + " pins " + ticket.getTypeKey() + "@"
                        + ticket.getTypeVersion() + ", which is neither installed nor stored"));
    }

    /** Every state of the installed types' and the shipped workflows, for checking queue filters. */
    private List<String> knownStates() {
        Set<String> states = new java.util.TreeSet<>();
        types.all().forEach(type -> stateKeys(TicketWorkflow.of(type).definition()).forEach(states::add));
        DefaultWorkflows.all().values().forEach(shipped -> stateKeys(shipped.workflow()).forEach(states::add));
        return List.copyOf(states);
    }

    private static List<String> stateKeys(Workflow workflow) {
        return workflow.states().stream().map(WorkflowState::key).toList();
    }

    @Override
    public Comment comment(Caller caller, String key, NewComment input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.body() == null || input.body().isBlank()) {
            errors.add(new FieldError("body", "is required"));
        } else if (input.body().length() > TicketInput.MAX_COMMENT) {
            errors.add(new FieldError("body", "must be at most " + TicketInput.MAX_COMMENT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean internal = Boolean.TRUE.equals(input.internal());
        Ticket[] commented = new Ticket[1];
        String[] reopenedFrom = new String[1];
        WorkflowState[] reopened = new WorkflowState[1];
        Comment added = db.inTransaction(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            if (internal && !TicketAccess.canWork(caller, ticket)) {
                throw new ForbiddenException("Only agents of " + ticket.getDepartment() + " may write internal comments");
            }
            Instant now = clock.instant();
            reopened[0] = reopenedByComment(caller, ticket, internal);
            CommentEntity comment = new CommentEntity(ticket.getId(), caller.user(), input.body(), internal, now);
            em.persist(comment);
            em.persist(new HistoryEntity(ticket.getId(), now, caller.user(), "commented",
                    internal ? "internal" : "public", null, String.valueOf(comment.getId())));
            if (reopened[0] != null) {
                reopenedFrom[0] = ticket.getStatus();
                enter(ticket, reopened[0], new Changes(em, ticket, caller.user(), now));
                em.flush();
            }
            commented[0] = TicketMapper.toDto(ticket);
            return TicketMapper.toDto(comment);
        });
        events.post("COMMENTED", commented[0], caller.user(), Map.of("internal", internal, "comment", added.id()));
        if (reopened[0] != null) {
            events.post("TRANSITIONED", commented[0], caller.user(), Map.of("from", reopenedFrom[0], "to", commented[0].status()));
            runActions(commented[0], reopened[0], reopenedFrom[0], caller.user());
        }
        return added;
    }

    /**
     * A comment on a closed ticket is refused, or reopens it where the type says so; the
     * requester's public comment on a resolved ticket reopens it (they say it is not solved).
     * Returns the state to reopen to, or null.
     */
    private WorkflowState reopenedByComment(Caller caller, TicketEntity ticket, boolean internal) {
        StatusCategory category = StatusCategory.parse(ticket.getStatusCategory()).orElseThrow();
        Workflow workflow = workflowOf(ticket).definition();
        if (category == StatusCategory.CLOSED) {
            if (!Workflow.REOPEN.equals(workflow.closedComments())) {
                throw new ConflictException("Ticket " + ticket.getKey() + " is closed: comments are no longer possible;"
                        + " open a new request instead", ticket.getVersion());
            }
            return workflow.state(workflow.requesterReopens()).orElseThrow();
        }
        boolean requesterObjects = category == StatusCategory.RESOLVED && !internal && TicketAccess.isRequester(caller, ticket)
                && !TicketAccess.canWork(caller, ticket);
        return requesterObjects && workflow.requesterReopens() != null ? workflow.state(workflow.requesterReopens()).orElseThrow() : null;
    }

    @Override
    public List<Comment> comments(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            boolean seesInternal = TicketAccess.canWork(caller, ticket);
            return em.createQuery("SELECT c FROM CommentEntity c WHERE c.ticketId = :id ORDER BY c.id", CommentEntity.class)
                    .setParameter("id", ticket.getId()).getResultList().stream()
                    .filter(c -> seesInternal || !c.isInternal())
                    .map(TicketMapper::toDto).toList();
        });
    }

    @Override
    public List<HistoryEntry> history(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            boolean seesInternal = TicketAccess.canWork(caller, ticket);
            return em.createQuery("SELECT h FROM HistoryEntity h WHERE h.ticketId = :id ORDER BY h.id", HistoryEntity.class)
                    .setParameter("id", ticket.getId()).getResultList().stream()
                    .filter(h -> seesInternal || !("commented".equals(h.getAction()) && "internal".equals(h.getField())))
                    .map(TicketMapper::toDto).toList();
        });
    }

    @Override
    public List<Link> links(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            List<Link> links = new ArrayList<>();
            for (LinkEntity link : em.createQuery("SELECT l FROM LinkEntity l WHERE l.fromTicket = :id OR l.toTicket = :id ORDER BY l.id",
                    LinkEntity.class).setParameter("id", ticket.getId()).getResultList()) {
                boolean thisIsFrom = link.getFromTicket() == ticket.getId();
                TicketEntity other = em.find(TicketEntity.class, thisIsFrom ? link.getToTicket() : link.getFromTicket());
                if (TicketAccess.canSee(caller, other)) { // a link to a ticket the caller may not see is not shown
                    links.add(toLink(LinkTypes.seenFrom(link.getType(), thisIsFrom), other));
                }
            }
            return links;
        });
    }

    @Override
    public Link link(Caller caller, String key, NewLink input) {
        LinkTypes.Stored stored = LinkTypes.stored(input.type()).orElseThrow(() -> new ValidationException("type",
                input.type() == null ? "is required: one of " + LinkTypes.SIDES : "must be one of " + LinkTypes.SIDES));
        if (input.key() == null || input.key().isBlank()) {
            throw new ValidationException("key", "is required: the key of the ticket to link");
        }
        Link[] made = new Link[1];
        Ticket[] both = new Ticket[2];
        db.inTransaction(em -> {
            TicketEntity ticket = workableTicket(em, caller, key, "link");
            TicketEntity other = visibleTicketAs(em, caller, input.key(), "key");
            if (other.getId() == ticket.getId()) {
                throw new ValidationException("key", "is this ticket: a ticket cannot be linked to itself");
            }
            if (linkBetween(em, ticket.getId(), other.getId()).isPresent()) {
                throw new ConflictException("Tickets " + key + " and " + input.key() + " are already linked", null);
            }
            TicketEntity from = stored.thisIsFrom() ? ticket : other;
            TicketEntity to = stored.thisIsFrom() ? other : ticket;
            checkLinkRules(em, stored.type(), from, to);
            Instant now = clock.instant();
            em.persist(new LinkEntity(from.getId(), to.getId(), stored.type(), caller.user(), now));
            recordLink(em, "linked", stored.type(), from, to, caller.user(), now);
            made[0] = toLink(LinkTypes.seenFrom(stored.type(), stored.thisIsFrom()), other);
            both[0] = TicketMapper.toDto(ticket);
            both[1] = TicketMapper.toDto(other);
            return null;
        });
        for (Ticket t : both) {
            events.post("LINKED", t, caller.user(), Map.of("link", made[0].type(), "other", t == both[0] ? both[1].key() : both[0].key()));
        }
        return made[0];
    }

    @Override
    public void unlink(Caller caller, String key, String type, String otherKey) {
        LinkTypes.Stored stored = LinkTypes.stored(type).orElseThrow(() -> new ValidationException("type", "must be one of " + LinkTypes.SIDES));
        db.inTransaction(em -> {
            TicketEntity ticket = workableTicket(em, caller, key, "unlink");
            TicketEntity other = visibleTicketAs(em, caller, otherKey, "key");
            TicketEntity from = stored.thisIsFrom() ? ticket : other;
            TicketEntity to = stored.thisIsFrom() ? other : ticket;
            if (stored.type().equals(LinkTypes.RELATES_TO) && from.getId() > to.getId()) {
                TicketEntity swap = from;
                from = to;
                to = swap;
            }
            List<LinkEntity> found = em.createQuery("SELECT l FROM LinkEntity l WHERE l.fromTicket = :from AND l.toTicket = :to"
                    + " AND l.type = :type", LinkEntity.class).setParameter("from", from.getId()).setParameter("to", to.getId())
                    .setParameter("type", stored.type()).getResultList();
            if (found.isEmpty()) {
                throw new NotFoundException("Ticket " + key + " has no " + type + " link to " + otherKey);
            }
            em.remove(found.get(0));
            recordLink(em, "unlinked", stored.type(), from, to, caller.user(), clock.instant());
            return null;
        });
    }

    /** Parents form a tree (one parent, no cycles); only problems cause incidents; related tickets are stored lower id first. */
    private void checkLinkRules(EntityManager em, String type, TicketEntity from, TicketEntity to) {
        if (type.equals(LinkTypes.PARENT_OF)) {
            long parents = em.createQuery("SELECT COUNT(l) FROM LinkEntity l WHERE l.toTicket = :child AND l.type = :type", Long.class)
                    .setParameter("child", to.getId()).setParameter("type", LinkTypes.PARENT_OF).getSingleResult();
            if (parents > 0) {
                throw new ConflictException(to.getKey() + " already has a parent", null);
            }
            for (Long up = from.getId(); up != null; up = parentOf(em, up)) {
                if (up == to.getId()) {
                    throw new ValidationException("key", to.getKey() + " is above " + from.getKey() + ": parents may not form a cycle");
                }
            }
        }
        if (type.equals(LinkTypes.CAUSED_BY)) {
            String category = pinned.find(to.getTypeKey(), to.getTypeVersion()).map(RequestType::category).orElse("");
            if (!category.equals("problem")) {
                throw new ValidationException("key", to.getKey() + " is not a problem: only problems cause tickets");
            }
        }
    }

    private static Long parentOf(EntityManager em, long child) {
        return em.createQuery("SELECT l.fromTicket FROM LinkEntity l WHERE l.toTicket = :child AND l.type = :type", Long.class)
                .setParameter("child", child).setParameter("type", LinkTypes.PARENT_OF).getResultList().stream().findFirst().orElse(null);
    }

    /** Both tickets' history, each from its own side. */
    private static void recordLink(EntityManager em, String action, String type, TicketEntity from, TicketEntity to, String actor, Instant at) {
        em.persist(new HistoryEntity(from.getId(), at, actor, action, LinkTypes.seenFrom(type, true), null, to.getKey()));
        em.persist(new HistoryEntity(to.getId(), at, actor, action, LinkTypes.seenFrom(type, false), null, from.getKey()));
    }

    private static java.util.Optional<LinkEntity> linkBetween(EntityManager em, long a, long b) {
        return em.createQuery("SELECT l FROM LinkEntity l WHERE (l.fromTicket = :a AND l.toTicket = :b) OR (l.fromTicket = :b AND l.toTicket = :a)",
                LinkEntity.class).setParameter("a", a).setParameter("b", b).getResultList().stream().findFirst();
    }

    private static Link toLink(String side, TicketEntity other) {
        return new Link(side, other.getKey(), other.getSummary(), other.getStatus(), other.getStatusCategory());
    }

    /** The ticket, if the caller may work on it (the department's agents): linking is triage work. */
    private static TicketEntity workableTicket(EntityManager em, Caller caller, String key, String what) {
        TicketEntity ticket = visibleTicket(em, caller, key);
        if (!TicketAccess.canWork(caller, ticket)) {
            throw new ForbiddenException("Only agents of " + ticket.getDepartment() + " may " + what + " ticket " + key);
        }
        return ticket;
    }

    /** The other ticket of a link: one the caller may not see is "not found" under the member that named it. */
    private static TicketEntity visibleTicketAs(EntityManager em, Caller caller, String key, String member) {
        try {
            return visibleTicket(em, caller, key);
        } catch (NotFoundException | ForbiddenException e) {
            throw new ValidationException(member, "names no ticket you may see: " + key);
        }
    }

    private static TicketEntity visibleTicket(EntityManager em, Caller caller, String key) {
        List<TicketEntity> found = em.createQuery("SELECT t FROM TicketEntity t WHERE t.key = :key", TicketEntity.class)
                .setParameter("key", key).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("No ticket " + key);
        }
        TicketEntity ticket = found.get(0);
        TicketAccess.checkVisible(caller, ticket);
        return ticket;
    }

    private static void checkVersion(TicketEntity ticket, long expected) {
        if (ticket.getVersion() != expected) {
            throw new ConflictException("Ticket " + ticket.getKey() + " is at version " + ticket.getVersion()
                    + ", not " + expected + "; reload it and apply your change again", ticket.getVersion());
        }
    }

    /** A concurrent commit detected only at flush carries no version yet: look it up for the client. */
    private Ticket withCurrentVersionOnConflict(String key, java.util.function.Supplier<Ticket> work) {
        try {
            return work.get();
        } catch (ConflictException e) {
            if (e.currentVersion() != null) {
                throw e;
            }
            Long current = db.read(em -> em.createQuery("SELECT t.version FROM TicketEntity t WHERE t.key = :key", Long.class)
                    .setParameter("key", key).getResultList().stream().findFirst().orElse(null));
            throw new ConflictException(e.getMessage(), current);
        }
    }

    private static String normalise(String level) {
        return level == null ? null : Level.parse(level).orElseThrow().json();
    }
}
