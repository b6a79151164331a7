package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;

import javax.persistence.EntityManager;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
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

@Component(service = TicketService.class)
public class TicketServiceImpl implements TicketService {
    private static final Logger LOG = LoggerFactory.getLogger(TicketServiceImpl.class);
    private final Database db;
    private final RequestTypeRegistry types;
    private final Extensions extensions;
    private final Clock clock;
    private final TicketKeyAllocator keys;
    private final PinnedTypes pinned;
    private final FormProcessor forms;
    private final TicketEvents events;

    @Activate
    public TicketServiceImpl(@Reference Database db, @Reference RequestTypeRegistry types, @Reference Extensions extensions,
            @Reference EventAdmin eventAdmin) {
        this(db, types, extensions, Clock.systemUTC(), new TicketEvents(eventAdmin));
    }

    /** For tests: no Java extensions installed. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Clock clock) {
        this(db, types, new Extensions(), clock);
    }

    /** For tests: no events are posted. */
    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock) {
        this(db, types, extensions, clock, new TicketEvents(null));
    }

    TicketServiceImpl(Database db, RequestTypeRegistry types, Extensions extensions, Clock clock, TicketEvents events) {
        this.events = events;
        this.db = db;
        this.types = types;
        this.extensions = extensions;
        // PostgreSQL keeps microseconds: a write's answer then shows the times a later read gives
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        this.keys = new TicketKeyAllocator(db);
        this.pinned = new PinnedTypes(db, types, this.clock);
        this.forms = new FormProcessor(extensions);
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
            values = forms.process(type, caller, values, input.fields().keySet(), true, errors);
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
        ticket.setStatus(Workflow.initialState());
        ticket.setImpact(impact.json());
        ticket.setUrgency(urgency.json());
        ticket.setPriority(Priority.of(impact, urgency).rank());
        ticket.setFieldsJson(fieldsJson);
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
        return created;
    }

    @Override
    public Ticket get(Caller caller, String key) {
        return db.read(em -> TicketMapper.toDto(visibleTicket(em, caller, key)));
    }

    @Override
    public TicketPage list(Caller caller, TicketQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query.limit() < 1 || query.limit() > TicketQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + TicketQuery.MAX_LIMIT));
        }
        if (query.status() != null && !Workflow.isState(query.status())) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", Workflow.STATES)));
        }
        QueueCursor after = null;
        try {
            after = query.cursor() == null ? null : QueueCursor.decode(query.cursor());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        QueueCursor cursor = after;
        return db.read(em -> {
            List<TicketEntity> rows = TicketQueries.page(em, caller, query, cursor);
            boolean more = rows.size() > query.limit();
            List<TicketEntity> page = more ? rows.subList(0, query.limit()) : rows;
            TicketEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = more ? new QueueCursor(last.getPriority(), last.getId()).encode() : null;
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
            boolean agent = TicketAccess.canWork(caller, ticket);
            if (!agent && (update.assignee() != null || Workflow.CLOSED.equals(ticket.getStatus()))) {
                throw new ForbiddenException(update.assignee() != null
                        ? "Only agents of " + ticket.getDepartment() + " may assign tickets"
                        : "Ticket " + key + " is closed");
            }
            Changes changes = new Changes(em, ticket, caller.user(), clock.instant());
            changes.set("summary", ticket.getSummary(), update.summary() == null ? null : update.summary().strip(), ticket::setSummary);
            changes.set("description", ticket.getDescription(), update.description(), ticket::setDescription);
            changes.set("assignee", ticket.getAssignee(), update.assignee(), ticket::setAssignee);
            changes.set("impact", ticket.getImpact(), normalise(update.impact()), ticket::setImpact);
            changes.set("urgency", ticket.getUrgency(), normalise(update.urgency()), ticket::setUrgency);
            Priority priority = Priority.of(Level.parse(ticket.getImpact()).orElseThrow(), Level.parse(ticket.getUrgency()).orElseThrow());
            changes.set("priority", Priority.ofRank(ticket.getPriority()).name(), priority.name(), p -> ticket.setPriority(priority.rank()));
            if (update.fields() != null) {
                updateFields(caller, ticket, update.fields(), changes);
            }
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
            values = forms.process(type, caller, merged, patch.keySet(), false, errors);
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
            return Workflow.stepsFrom(ticket.getStatus(), TicketAccess.canWork(caller, ticket), TicketAccess.isRequester(caller, ticket))
                    .stream().map(step -> new Transition(step.to(), step.name())).toList();
        });
    }

    @Override
    public Ticket transition(Caller caller, String key, String to, Long expectedVersion) {
        if (to == null || !Workflow.isState(to)) {
            throw new ValidationException("to", "must be one of " + String.join(", ", Workflow.STATES));
        }
        String[] from = new String[1];
        Ticket moved = withCurrentVersionOnConflict(key, () -> db.inTransaction(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            if (expectedVersion != null) {
                checkVersion(ticket, expectedVersion);
            }
            Workflow.Step step = Workflow.step(ticket.getStatus(), to).orElseThrow(() -> new ConflictException(
                    "Ticket " + key + " cannot move from " + ticket.getStatus() + " to " + to, ticket.getVersion()));
            boolean allowed = TicketAccess.canWork(caller, ticket)
                    || (step.actor() == Workflow.Actor.AGENT_OR_REQUESTER && TicketAccess.isRequester(caller, ticket));
            if (!allowed) {
                throw new ForbiddenException("You may not " + step.name().toLowerCase() + " ticket " + key);
            }
            Changes changes = new Changes(em, ticket, caller.user(), clock.instant());
            from[0] = ticket.getStatus();
            changes.transition(ticket.getStatus(), to);
            ticket.setStatus(to);
            ticket.setUpdatedAt(changes.at());
            em.flush();
            return TicketMapper.toDto(ticket);
        }));
        events.post("TRANSITIONED", moved, caller.user(), Map.of("from", from[0], "to", to));
        runActions(moved, from[0], caller.user());
        return moved;
    }

    /** The type's actions for the status entered, after the commit: they cannot undo the transition. */
    private void runActions(Ticket ticket, String from, String actor) {
        List<String> names = pinned.find(ticket.type(), ticket.typeVersion())
                .map(type -> type.actions().getOrDefault(ticket.status(), List.of())).orElse(List.of());
        for (String name : names) {
            extensions.action(name).ifPresentOrElse(action -> {
                try {
                    action.onEnter(ticket, from, actor);
                } catch (RuntimeException e) {
                    LOG.error("Transition action {} failed for ticket {} entering {}", name, ticket.key(), ticket.status(), e);
                }
            }, () -> LOG.warn("Transition action {} of ticket {} is not running; skipped", name, ticket.key()));
        }
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
        Comment added = db.inTransaction(em -> {
            TicketEntity ticket = visibleTicket(em, caller, key);
            commented[0] = TicketMapper.toDto(ticket);
            if (internal && !TicketAccess.canWork(caller, ticket)) {
                throw new ForbiddenException("Only agents of " + ticket.getDepartment() + " may write internal comments");
            }
            Instant now = clock.instant();
            CommentEntity comment = new CommentEntity(ticket.getId(), caller.user(), input.body(), internal, now);
            em.persist(comment);
            em.persist(new HistoryEntity(ticket.getId(), now, caller.user(), "commented",
                    internal ? "internal" : "public", null, String.valueOf(comment.getId())));
            return TicketMapper.toDto(comment);
        });
        events.post("COMMENTED", commented[0], caller.user(), Map.of("internal", internal, "comment", added.id()));
        return added;
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
