package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.ticket.TicketLookup.checkVersion;
import static org.atrium.core.internal.ticket.TicketLookup.permitted;
import static org.atrium.core.internal.ticket.TicketLookup.withCurrentVersionOnConflict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.atrium.api.FieldError;
import org.atrium.api.approval.Approval;
import org.atrium.api.approval.ApprovalService;
import org.atrium.api.approval.Decision;
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
import org.atrium.api.ticket.Link;
import org.atrium.api.ticket.NewComment;
import org.atrium.api.ticket.NewLink;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Priority;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.ticket.TicketService;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.api.ticket.Transition;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.approval.ApproverResolution;
import org.atrium.core.internal.attachment.PendingUploads;
import org.atrium.core.internal.catalog.AudienceRule;
import org.atrium.core.internal.directory.DatabaseDirectoryProvider;
import org.atrium.core.internal.directory.DirectoryService;
import org.atrium.core.internal.extension.Extensions;
import org.atrium.core.internal.form.FormProcessor;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.mail.out.Notifications;
import org.atrium.core.internal.outbox.Outbox;
import org.atrium.core.internal.outbox.OutboxDelivery;
import org.atrium.core.internal.outbox.OutboxReceiver;
import org.atrium.core.internal.outbox.OutboxRelay;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.schedule.Scheduler;
import org.atrium.core.internal.sla.SlaPolicies;
import org.atrium.api.calendar.BusinessCalendars;
import org.atrium.api.sla.SlaClock;
import org.atrium.api.sla.SlaClockEntry;
import org.atrium.api.sla.SlaService;
import org.atrium.core.internal.webhook.WebhookFeed;
import org.atrium.core.internal.worker.PollingWorker;
import org.atrium.core.internal.workflow.Parties;
import org.atrium.core.internal.workflow.TicketWorkflow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = {TicketService.class, DueTransitions.class, ApprovalService.class, SlaService.class, OpenClocks.class,
        org.atrium.api.search.TicketSearch.class})
public class TicketServiceImpl implements TicketService, DueTransitions, ApprovalService, SlaService, OpenClocks,
        org.atrium.api.search.TicketSearch {
    private static final Logger LOG = LoggerFactory.getLogger(TicketServiceImpl.class);
    private final Database db;
    private final RequestTypeRegistry types;
    private final Extensions extensions;
    private final Clock clock;
    private final TicketKeyAllocator keys;
    private final PinnedTypes pinned;
    private final FormProcessor forms;
    /** What joins every change's transaction; the outbox's events and actions are the first. */
    private final List<TicketParticipant> participants;
    private final AssigneeRule assignees;
    private final WorkflowSteps steps;
    private final TicketReads reads;
    private final TicketLinking linking;
    private final OutboxDelivery delivery;
    /** Delivers the outbox on its own thread; null in tests, which deliver in the caller's thread after the commit. */
    private final OutboxRelay relay;
    private final AudienceRule audiences;
    private final GroupRule groups;
    /** Durable timers (approval reminders and timeouts); run by {@link #timers} in the container, by tests directly. */
    private final Scheduler scheduler;
    private final PollingWorker timers;
    private final Approvals approvals;
    private final ApprovalDesk approvalDesk;
    private final SlaClocks slaClocks;
    private final SlaLists slaLists;
    private final TicketSearches searches;

    @Activate
    public TicketServiceImpl(@Reference Database db, @Reference RequestTypeRegistry types, @Reference Extensions extensions,
            @Reference EventAdmin eventAdmin, @Reference Directory directory, @Reference AssignmentGroups groups,
            @Reference SlaPolicies slaPolicies, @Reference BusinessCalendars calendars, @Reference Notifications notifications,
            @Reference WebhookFeed webhooks) {
        this(db, types, extensions, Clock.systemUTC(), eventAdmin, directory, groups, slaPolicies, calendars, true, notifications, webhooks);
    }

    @Deactivate
    void stop() {
        if (relay != null) {
            relay.stop();
        }
        if (timers != null) {
            timers.stop();
        }
    }

    /** For tests: no Java extensions installed. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Clock clock) {
        this(db, types, new Extensions(), clock);
    }

    /**
     * For tests: no events are posted, the outbox is delivered in the caller's thread right after
     * each commit; the directory is Atrium's own, in the same database.
     */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock) {
        this(db, types, extensions, clock, null, new DirectoryService(new DatabaseDirectoryProvider(db)),
                new AssignmentGroupsService(), false);
    }

    /** For tests: no events; the directory is Atrium's own; the given assignment groups. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Clock clock, AssignmentGroups groups) {
        this(db, types, new Extensions(), clock, null, new DirectoryService(new DatabaseDirectoryProvider(db)), groups, false);
    }

    /** For tests: service levels as the descriptors declare them, on the built-in 24x7 calendar only. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock, EventAdmin eventAdmin,
            Directory directory, AssignmentGroups groups, boolean relayed) {
        this(db, types, extensions, clock, eventAdmin, directory, groups, SlaPolicies.AS_DECLARED,
                new org.atrium.core.internal.calendar.BusinessCalendarsService(), relayed);
    }

    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock, EventAdmin eventAdmin,
            Directory directory, AssignmentGroups groups, SlaPolicies slaPolicies, BusinessCalendars calendars, boolean relayed) {
        this(db, types, extensions, clock, eventAdmin, directory, groups, slaPolicies, calendars, relayed, null);
    }

    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock, EventAdmin eventAdmin,
            Directory directory, AssignmentGroups groups, SlaPolicies slaPolicies, BusinessCalendars calendars, boolean relayed,
            Notifications notifications) {
        this(db, types, extensions, clock, eventAdmin, directory, groups, slaPolicies, calendars, relayed, notifications, null);
    }

    /**
     * @param notifications queues the mails of each event before it is posted; null: no mails (tests)
     * @param webhooks writes the webhook deliveries of each event before that; null: none (tests)
     */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock, EventAdmin eventAdmin,
            Directory directory, AssignmentGroups groups, SlaPolicies slaPolicies, BusinessCalendars calendars, boolean relayed,
            Notifications notifications, WebhookFeed webhooks) {
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
        Outbox outbox = new Outbox(this.clock);
        // filled below, once the engines that take part exist; fixed from then on
        List<TicketParticipant> pipeline = new ArrayList<>();
        pipeline.add(new TicketEvents(outbox));
        this.participants = java.util.Collections.unmodifiableList(pipeline);
        OutboxReceiver events = notifications == null ? TicketEvents.poster(eventAdmin) : notifications.before(TicketEvents.poster(eventAdmin));
        if (webhooks != null) {
            events = webhooks.before(events); // first: it needs the entry's id, which Notifications does not pass on
        }
        this.delivery = new OutboxDelivery(db, Map.of(Outbox.EVENT, events, Outbox.ACTION, this::runAction),
                this.clock);
        this.relay = relayed ? new OutboxRelay(delivery, 1_000) : null;
        this.steps = new WorkflowSteps(db, types, this.clock, pinned, participants, this::delivered);
        this.reads = new TicketReads(db, steps, this.groups);
        this.linking = new TicketLinking(db, this.clock, pinned, participants, this::delivered);
        this.audiences = new AudienceRule(directory);
        this.scheduler = new Scheduler(db, this.clock);
        this.approvals = new Approvals(pinned, new ApproverResolution(directory, groups, extensions), scheduler, outbox, steps,
                participants, this.clock);
        Children children = new Children(pinned, types, directory, steps, participants, this.clock);
        children.filing(this::file);
        pipeline.add(approvals);
        pipeline.add(children);
        // last: the clocks are folded from the history the others wrote
        this.slaClocks = new SlaClocks(pinned, slaPolicies, calendars, directory, scheduler, outbox, steps, this.groups, this.clock);
        pipeline.add(slaClocks);
        // the search index follows the text of every change (TicketSearches reads it)
        pipeline.add(new SearchIndexing(new org.atrium.core.internal.privacy.FieldKinds(types)));
        this.searches = new TicketSearches(db, steps, this.groups);
        this.slaLists = new SlaLists(db, types, calendars, this.clock);
        this.approvalDesk = new ApprovalDesk(db, approvals, directory, this.clock, this::delivered);
        this.reads.approvals(approvalDesk);
        // every handler is registered above (Approvals): only now may timers fire
        this.timers = relayed ? PollingWorker.start("atrium-scheduler", this::runTimers, Duration.ofSeconds(1)) : null;
    }

    /** Fires up to {@code limit} due durable timers (in the container every second; tests call it with their clock). */
    int runTimers(int limit) {
        int fired = scheduler.runDue(limit);
        if (fired > 0) {
            delivered(); // what the timers wrote to the outbox goes out now
        }
        return fired;
    }

    int runTimers() {
        return runTimers(100);
    }

    /** A change was committed: its outbox entries go out now (on the relay's thread in the container). */
    private void delivered() {
        if (relay != null) {
            relay.nudge();
        } else {
            delivery.deliverDue(1_000);
        }
    }

    /** Runs one transition action from the outbox; a failure is retried later by the outbox. */
    private void runAction(String name, Map<String, Object> call) {
        String key = (String) call.get("key");
        java.util.Optional<org.atrium.api.spi.TransitionAction> action = extensions.action(name);
        if (action.isEmpty()) {
            LOG.warn("Transition action {} of ticket {} is not running; skipped", name, key);
            return;
        }
        Ticket ticket = db.read(em -> TicketMapper.toDto(em.createQuery("SELECT t FROM TicketEntity t WHERE t.key = :key",
                TicketEntity.class).setParameter("key", key).getSingleResult()));
        action.get().onEnter(TransitionActions.context(ticket, call));
    }

    // ---------------------------------------------------------------- reads, workflow and links: see their classes

    @Override
    public Ticket get(Caller caller, String key) {
        return reads.get(caller, key);
    }

    @Override
    public TicketPage list(Caller caller, TicketQuery query) {
        return reads.list(caller, query);
    }

    @Override
    public org.atrium.api.search.SearchPage search(Caller caller, org.atrium.api.search.SearchQuery query) {
        return searches.search(caller, query);
    }

    @Override
    public org.atrium.api.search.SearchResult searchWithSnippets(Caller caller, org.atrium.api.search.SearchQuery query) {
        return searches.searchWithSnippets(caller, query);
    }

    @Override
    public List<Comment> comments(Caller caller, String key) {
        return reads.comments(caller, key);
    }

    @Override
    public List<HistoryEntry> history(Caller caller, String key) {
        return reads.history(caller, key);
    }

    @Override
    public List<Transition> transitions(Caller caller, String key) {
        return steps.transitions(caller, key);
    }

    @Override
    public Ticket transition(Caller caller, String key, TransitionRequest request) {
        return steps.transition(caller, key, request);
    }

    @Override
    public int closeDue(Instant now, int limit) {
        return steps.closeDue(now, limit);
    }

    @Override
    public List<Link> links(Caller caller, String key) {
        return linking.links(caller, key);
    }

    @Override
    public Link link(Caller caller, String key, NewLink link) {
        return linking.link(caller, key, link);
    }

    @Override
    public void unlink(Caller caller, String key, String type, String otherKey) {
        linking.unlink(caller, key, type, otherKey);
    }

    // ---------------------------------------------------------------- approvals: see ApprovalDesk and Approvals

    @Override
    public List<Approval> inbox(Caller caller, String state) {
        return approvalDesk.inbox(caller, state);
    }

    @Override
    public Approval get(Caller caller, long id) {
        return approvalDesk.get(caller, id);
    }

    @Override
    public Approval decide(Caller caller, long id, Decision decision) {
        return approvalDesk.decide(caller, id, decision);
    }

    @Override
    public Approval handOver(Caller caller, long id, String to) {
        return approvalDesk.handOver(caller, id, to);
    }

    @Override
    public List<Approval> ofTicket(Caller caller, String ticketKey) {
        return approvalDesk.ofTicket(caller, ticketKey);
    }

    // ---------------------------------------------------------------- service levels: see SlaClocks

    @Override
    public List<SlaClock> clocks(Caller caller, String ticketKey) {
        return db.read(em -> slaClocks.compute(em, permitted(em, caller, ticketKey, TicketAction.SLA), clock.instant()));
    }

    @Override
    public List<SlaClockEntry> atRisk(Caller caller, String department, int limit) {
        return slaLists.atRisk(caller, department, limit);
    }

    @Override
    public List<SlaClockEntry> breaches(Caller caller, String department, Instant from, Instant to, int limit) {
        return slaLists.breaches(caller, department, from, to, limit);
    }

    @Override
    public long recompute(long afterTicketId, int limit) {
        List<Long> open = db.read(em -> em.createQuery("SELECT DISTINCT c.ticketId FROM SlaClockEntity c WHERE c.ticketId > :after"
                + " AND c.state IN ('waiting', 'running', 'paused') ORDER BY c.ticketId", Long.class)
                .setParameter("after", afterTicketId).setMaxResults(limit).getResultList());
        for (Long id : open) {
            db.inTransaction(em -> {
                slaClocks.keep(em, Approvals.lockTicket(em, id));
                return null;
            });
        }
        delivered();
        return open.isEmpty() ? -1 : open.get(open.size() - 1);
    }

    // ---------------------------------------------------------------- commands

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
            audiences.checkMayFile(caller, type);
            values = forms.process(type, caller, caller.user(), values, input.fields().keySet(), true, errors);
            audiences.checkPeople(caller, type, values, errors);
            checkUploads(caller, type, values, errors);
        }
        String fieldsJson = Json.write(values);
        TicketInput.fieldsSize(fieldsJson, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Level impact = TicketInput.levelOrMedium(input.impact());
        Level urgency = TicketInput.levelOrMedium(input.urgency());
        Map<String, Object> checked = values;
        Ticket created = db.inTransaction(em -> {
            TicketEntity ticket = insert(em, type, caller.user(), caller.user(), input.summary().strip(), input.description(), checked,
                    impact, urgency);
            PendingUploads.claim(em, caller.user(), type, checked, checked.keySet(), ticket.getId(), ticket.getCreatedAt());
            em.flush(); // the version the participants' changes (an approval's move, the SLA due time) gave it
            return slaClocks.answer(em, ticket); // as the participants left it (an approval may have moved it on)
        });
        delivered();
        return created;
    }

    /** Attachment fields must name the caller's own uploads (read before the transaction, claimed in it). */
    private void checkUploads(Caller caller, RequestType type, Map<String, Object> values, List<FieldError> errors) {
        if (!PendingUploads.named(type, values, values.keySet()).isEmpty()) {
            db.read(em -> {
                PendingUploads.check(em, caller.user(), type, values, values.keySet(), null, errors);
                return null;
            });
        }
    }

    /** Writes a checked new ticket in the caller's transaction and hands it to the participants. */
    private TicketEntity insert(EntityManager em, RequestType type, String requester, String actor, String summary, String description,
            Map<String, Object> values, Level impact, Level urgency) {
        Instant now = clock.instant();
        pinned.remember(type);
        TicketEntity ticket = new TicketEntity();
        ticket.setKeyPrefix(type.keyPrefix());
        ticket.setTypeKey(type.key());
        ticket.setTypeVersion(type.schemaVersion());
        ticket.setDepartment(type.department());
        ticket.setConfidential(type.confidential());
        ticket.setSummary(summary);
        ticket.setDescription(description);
        ticket.setRequester(requester);
        WorkflowState initial = TicketWorkflow.of(type).initial();
        ticket.setStatus(initial.key());
        ticket.setStatusCategory(initial.category().json());
        ticket.setStatusChangedAt(now);
        ticket.setImpact(impact.json());
        ticket.setUrgency(urgency.json());
        ticket.setPriority(Priority.of(impact, urgency).rank());
        ticket.setFieldsJson(Json.write(values));
        ticket.setAssignmentGroup(groups.routed(type, values));
        ticket.setCreatedAt(now);
        ticket.setUpdatedAt(now);
        // from the prefix's sequence: no lock held until the commit, a gap if this transaction rolls back
        long number = keys.next(em, type.keyPrefix());
        ticket.setKeyNumber(number);
        ticket.setKey(TicketKeyAllocator.key(type.keyPrefix(), number));
        ticket.setSlaDueAtOnInsert(slaClocks.dueOfNew(ticket)); // one INSERT, complete: no UPDATE of the due time after it
        em.persist(ticket);
        em.flush(); // entities are not linked by mappings: write the ticket before the rows that reference it
        TicketLookup.created(em, ticket);
        em.persist(new HistoryEntity(ticket.getId(), now, actor, "created", "status", null, ticket.getStatus()));
        TicketChange.announce(participants, em, TicketChange.entered(TicketMapper.toDto(ticket), actor, initial, null, Map.of()));
        return ticket;
    }

    /**
     * A child ticket a parent creates, for the parent's requester: checked by its type's form (as if
     * the requester filed it, with the parent's actor recorded), then written like any other ticket.
     */
    private TicketEntity file(EntityManager em, RequestType type, String requester, String actor, String summary,
            Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> checked = forms.process(type, new Caller(requester, Set.of()), requester, values, values.keySet(), true, errors);
        TicketInput.fieldsSize(Json.write(checked), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return insert(em, type, requester, actor, summary, null, checked, Level.MEDIUM, Level.MEDIUM);
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
        Ticket updated = withCurrentVersionOnConflict(db, key, () -> db.inTransaction(em -> {
            TicketEntity ticket = permitted(em, caller, key, TicketAction.UPDATE);
            checkVersion(ticket, update.version());
            Parties parties = steps.partiesOf(em, caller, ticket); // as the ticket stands: assigning oneself does not make one the assignee yet
            String assignee = AssigneeRule.ME.equals(update.assignee()) ? caller.user() : update.assignee();
            if (assignee != null && !assignee.equals(ticket.getAssignee())) {
                // who may assign is a field rule (403); whom one may assign is the directory's answer (400)
                steps.checkFieldRules(parties, ticket, List.of("assignee"));
                assignee = assignees.check(caller, ticket.getDepartment(), assignee);
            }
            String group = update.assignmentGroup();
            if (group != null && !group.equals(ticket.getAssignmentGroup())) {
                steps.checkFieldRules(parties, ticket, List.of(GroupRule.FIELD));
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
                updateFields(em, caller, ticket, update.fields(), changes);
            }
            steps.checkFieldRules(parties, ticket, changes);
            List<FieldError> covered = approvals.lockedFields(em, ticket, changes.fields());
            if (!covered.isEmpty()) {
                throw new org.atrium.api.LockedFieldException(covered);
            }
            if (changes.any()) {
                ticket.setUpdatedAt(changes.at());
                em.flush();
                TicketChange.announce(participants, em, TicketChange.of("UPDATED", TicketMapper.toDto(ticket), caller.user(), Map.of()));
                em.flush(); // the version after the participants (the SLA due time may have moved)
            }
            return SlaWarnings.answer(em, ticket);
        }));
        delivered();
        return updated;
    }

    /** The names a patch gives another value than the stored one (compared as the JSON they are stored as). */
    private static Set<String> changed(Map<String, Object> stored, Map<String, Object> patch) {
        return patch.keySet().stream()
                .filter(name -> !Json.write(stored.get(name)).equals(Json.write(patch.get(name))))
                .collect(Collectors.toSet());
    }

    /** Applies a fields patch (null clears a field) and checks the result against the ticket's own version. */
    private void updateFields(EntityManager em, Caller caller, TicketEntity ticket, Map<String, Object> patch, Changes changes) {
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
            PendingUploads.check(em, caller.user(), type, values, changed(stored, patch), ticket.getId(), errors);
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
        if (type != null) {
            PendingUploads.claim(em, caller.user(), type, values, changed(stored, patch), ticket.getId(), changes.at());
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
        String[] reopenedFrom = new String[1];
        WorkflowState[] reopened = new WorkflowState[1];
        Comment added = db.inTransaction(em -> {
            TicketEntity ticket = permitted(em, caller, key, internal ? TicketAction.COMMENT_INTERNAL : TicketAction.COMMENT);
            Instant now = clock.instant();
            reopened[0] = steps.reopenedByComment(caller, ticket, internal);
            CommentEntity comment = new CommentEntity(ticket.getId(), caller.user(), input.body(), internal, now);
            em.persist(comment);
            em.persist(new HistoryEntity(ticket.getId(), now, caller.user(), "commented",
                    internal ? "internal" : "public", null, String.valueOf(comment.getId())));
            if (reopened[0] != null) {
                reopenedFrom[0] = ticket.getStatus();
                steps.enter(ticket, reopened[0], new Changes(em, ticket, caller.user(), now));
                em.flush();
            }
            Ticket dto = TicketMapper.toDto(ticket);
            em.flush(); // the comment's id, for the event
            TicketChange.announce(participants, em, TicketChange.of("COMMENTED", dto, caller.user(), Map.of("internal", internal, "comment", comment.getId())));
            if (reopened[0] != null) {
                TicketChange.announce(participants, em, TicketChange.entered(dto, caller.user(), reopened[0], reopenedFrom[0], Map.of()));
            }
            return TicketMapper.toDto(comment);
        });
        delivered();
        return added;
    }

    private static String normalise(String level) {
        return level == null ? null : Level.parse(level).orElseThrow().json();
    }
}
