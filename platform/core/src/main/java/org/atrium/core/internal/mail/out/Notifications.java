package org.atrium.core.internal.mail.out;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.directory.AssignmentGroups;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.mail.MailReference;
import org.atrium.core.internal.outbox.OutboxReceiver;
import org.atrium.core.internal.persistence.CommentEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.secret.SigningKeys;
import org.atrium.core.internal.ticket.TicketLookup;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events the outbox delivers into queued mails, one per recipient, rendered in the
 * recipient's language and only for people who may see the ticket. It runs before the event is
 * posted on EventAdmin and before the outbox entry is removed: if it fails, the outbox tries the
 * event again; if the node dies after its commit, the event comes again and finds its mails queued
 * (unique per event and recipient), so none is lost and none is queued twice.
 */
@Component(service = Notifications.class)
public class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm z");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private final Database db;
    private final Directory directory;
    private final TypeNames names;
    private final RequestTypeRegistry types;
    private final SigningKeys keys;
    private final MailConfiguration configuration;
    private final MailTemplates templates;
    private final RecipientRules rules;
    private final Clock clock;

    @Activate
    public Notifications(@Reference Database db, @Reference Directory directory, @Reference AssignmentGroups groups,
            @Reference RequestTypeRegistry types, @Reference SigningKeys keys, @Reference MailConfiguration configuration,
            BundleContext context) {
        this(db, directory, groups, types, keys, configuration, new BundleTemplates(context, types), Clock.systemUTC());
    }

    public Notifications(Database db, Directory directory, AssignmentGroups groups, RequestTypeRegistry types, SigningKeys keys,
            MailConfiguration configuration, MailTemplates.Overrides overrides, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.names = new TypeNames(types);
        this.types = types;
        this.keys = keys;
        this.configuration = configuration;
        this.templates = new MailTemplates(overrides);
        this.clock = clock;
        this.rules = new RecipientRules(new RecipientRules.People() {
            @Override
            public List<String> withRole(String role) {
                return directory.withRole(role).stream().map(Person::id).toList();
            }

            @Override
            public List<String> groupMembers(String department, String group) {
                return groups.find(department, group).map(g -> List.copyOf(g.members())).orElse(List.of());
            }
        });
    }

    /** An outbox receiver that queues the event's mails first and then hands the event on (to EventAdmin). */
    public OutboxReceiver before(OutboxReceiver next) {
        return new OutboxReceiver() {
            @Override
            public void deliver(String name, Map<String, Object> payload) {
                next.deliver(name, payload);
            }

            @Override
            public void deliver(long entryId, String name, Map<String, Object> payload) {
                handle(entryId, name, payload);
                next.deliver(name, payload);
            }
        };
    }

    /** Queues the mails of one event; returns how many. */
    public int handle(long eventId, String topic, Map<String, Object> event) {
        MailSettings settings = configuration.settings();
        Object key = event.get("key");
        if (!settings.enabled() || key == null || !topic.startsWith("atrium/")) {
            return 0;
        }
        return db.inTransaction(em -> queue(em, eventId, topic, event, key.toString(), settings));
    }

    private int queue(EntityManager em, long eventId, String topic, Map<String, Object> event, String key, MailSettings settings) {
        TicketEntity ticket = TicketLookup.find(em, key);
        TicketFacts facts = new TicketFacts(ticket.getKey(), ticket.getTypeKey(), ticket.getDepartment(), ticket.getRequester(),
                ticket.getAssignee(), ticket.getAssignmentGroup(), ticket.getStatus(), ticket.getStatusCategory(), ticket.isConfidential(),
                waitsForRequester(ticket.getTypeKey(), ticket.getStatus()));
        List<Notice> notices = rules.noticesFor(topic, event, facts, Watchers.of(em, key));
        MailReference reference = new MailReference(keys.key(MailReference.KEY_NAME));
        int queued = 0;
        for (Notice notice : notices) {
            Optional<Person> person = directory.find(notice.person()).filter(Person::active).filter(p -> p.email() != null && !p.email().isBlank());
            if (person.isEmpty()) {
                LOG.debug("No mail for {} about {}: not an active person with an e-mail address", notice.person(), key);
                continue;
            }
            if (!maySee(person.get(), ticket, notice.asApprover())) {
                LOG.debug("No mail for {} about {}: they may not see it", notice.person(), key);
                continue;
            }
            String language = "de".equals(person.get().language()) ? "de" : "en";
            RenderedMail content = templates.render(notice.template(), language, ticket.getTypeKey(),
                    values(em, person.get(), language, ticket, event, settings));
            String messageId = reference.messageId(key, eventId + "-" + UUID.randomUUID().toString().substring(0, 8), settings.domain());
            OutgoingMail mail = new OutgoingMail(eventId, person.get().email(), person.get().id(), notice.template(), language, key,
                    content, messageId, reference.replyAddress(key, settings.replyMailbox()));
            if (MailStore.enqueue(em, mail, clock.instant())) {
                queued++;
            }
        }
        return queued;
    }

    /** As the type's descriptor marks the state; a type no longer installed: the state {@code waiting-for-requester}. */
    private boolean waitsForRequester(String type, String state) {
        return types.find(type).flatMap(found -> found.workflow().state(state)).map(WorkflowState::waitsForRequester)
                .orElse(WorkflowState.WAITING_FOR_REQUESTER.equals(state));
    }

    /** Not the requester, and may read the internal record: an agent of the ticket's department. */
    private static boolean worksOn(Person person, TicketEntity ticket) {
        return !person.id().equals(ticket.getRequester())
                && TicketAccessPolicy.allows(TicketAction.READ_INTERNAL, new Caller(person.id(), person.roles()), ticket, () -> false);
    }

    private static boolean maySee(Person person, TicketEntity ticket, boolean asApprover) {
        Caller caller = new Caller(person.id(), person.roles());
        return TicketAccessPolicy.allows(asApprover ? TicketAction.READ : TicketAction.READ_RECORD, caller, ticket, () -> asApprover);
    }

    private Map<String, String> values(EntityManager em, Person person, String language, TicketEntity ticket, Map<String, Object> event,
            MailSettings settings) {
        Map<String, String> values = new HashMap<>();
        values.put("name", person.displayName());
        values.put("key", ticket.getKey());
        values.put("summary", ticket.getSummary());
        values.put("typeName", names.type(ticket.getTypeKey(), language));
        values.put("status", names.state(ticket.getTypeKey(), ticket.getStatus(), language));
        values.put("priority", "P" + ticket.getPriority());
        values.put("resolution", ticket.getResolutionCode() == null ? ticket.getStatus() : ticket.getResolutionCode());
        values.put("requester", displayName(ticket.getRequester()));
        // an agent watching or working the ticket opens the agent's view, the requester (and anyone else) theirs
        values.put("ticketUrl", settings.portalUrl() + (worksOn(person, ticket) ? "#/tickets/" : "#/requests/") + ticket.getKey());
        values.put("ratingUrl", settings.portalUrl() + "#/requests/" + ticket.getKey());
        values.put("agentUrl", settings.portalUrl() + "#/tickets/" + ticket.getKey());
        values.put("approvalsUrl", settings.portalUrl() + "#/approvals");
        values.put("author", displayName((String) event.get("actor")));
        if (event.get("comment") instanceof Number comment) {
            CommentEntity row = em.find(CommentEntity.class, comment.longValue());
            values.put("comment", row == null || row.isInternal() ? "" : row.getBody());
        }
        if (event.get("approval") instanceof Number approval) {
            Instant expires = clock.instant().plus(ApprovalLinkTokens.VALIDITY);
            ApprovalLinkTokens tokens = new ApprovalLinkTokens(keys.key(ApprovalLinkTokens.KEY_NAME), clock);
            values.put("approveUrl", settings.apiUrl() + "/approval-links/" + tokens.issue(approval.longValue(), person.id(), "approve", expires));
            values.put("rejectUrl", settings.apiUrl() + "/approval-links/" + tokens.issue(approval.longValue(), person.id(), "reject", expires));
            values.put("expiresAt", format(expires, language));
            values.put("stage", names.stage(ticket.getTypeKey(), String.valueOf(event.getOrDefault("stage", "")), language));
        }
        if (event.get("dueAt") != null) {
            values.put("dueAt", format(Instant.parse(event.get("dueAt").toString()), language));
        }
        if (event.get("clock") != null) {
            values.put("clock", event.get("clock").toString());
        }
        return values;
    }

    private String displayName(String id) {
        return id == null ? "" : directory.find(id).map(Person::displayName).orElse(id);
    }

    private static String format(Instant instant, String language) {
        return ("de".equals(language) ? GERMAN : ENGLISH).format(instant.atZone(ZoneId.systemDefault()));
    }
}
