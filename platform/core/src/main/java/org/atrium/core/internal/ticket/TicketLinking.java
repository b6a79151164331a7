package org.atrium.core.internal.ticket;

import static org.atrium.core.internal.ticket.TicketLookup.permitted;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.atrium.api.ConflictException;
import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Link;
import org.atrium.api.ticket.NewLink;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.HistoryEntity;
import org.atrium.core.internal.persistence.LinkEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Links between tickets: parent/child, relates-to, duplicate-of, caused-by. Stored once, shown from
 * each side, recorded in both histories, hidden where the caller may not see the other ticket.
 */
final class TicketLinking {
    private final Database db;
    private final Clock clock;
    private final PinnedTypes pinned;
    private final List<TicketParticipant> participants;
    private final Runnable delivered;

    TicketLinking(Database db, Clock clock, PinnedTypes pinned, List<TicketParticipant> participants, Runnable delivered) {
        this.db = db;
        this.clock = clock;
        this.pinned = pinned;
        this.participants = participants;
        this.delivered = delivered;
    }

    public List<Link> links(Caller caller, String key) {
        return db.read(em -> {
            TicketEntity ticket = permitted(em, caller, key, TicketAction.READ_RECORD);
            List<Link> links = new ArrayList<>();
            for (LinkEntity link : em.createQuery("SELECT l FROM LinkEntity l WHERE l.fromTicket = :id OR l.toTicket = :id ORDER BY l.id",
                    LinkEntity.class).setParameter("id", ticket.getId()).getResultList()) {
                boolean thisIsFrom = link.getFromTicket() == ticket.getId();
                TicketEntity other = em.find(TicketEntity.class, thisIsFrom ? link.getToTicket() : link.getFromTicket());
                boolean otherIsChild = thisIsFrom && LinkTypes.PARENT_OF.equals(link.getType());
                if (TicketAccessPolicy.showsLinked(caller, ticket, other, otherIsChild)) {
                    links.add(toLink(LinkTypes.seenFrom(link.getType(), thisIsFrom), other));
                }
            }
            return links;
        });
    }

    public Link link(Caller caller, String key, NewLink input) {
        LinkTypes.Stored stored = LinkTypes.stored(input.type()).orElseThrow(() -> new ValidationException("type",
                input.type() == null ? "is required: one of " + LinkTypes.SIDES : "must be one of " + LinkTypes.SIDES));
        if (input.key() == null || input.key().isBlank()) {
            throw new ValidationException("key", "is required: the key of the ticket to link");
        }
        Link[] made = new Link[1];
        db.inTransaction(em -> {
            TicketEntity ticket = workableTicket(em, caller, key);
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
            TicketChange.announce(participants, em, TicketChange.of("LINKED", TicketMapper.toDto(ticket), caller.user(),
                    Map.of("link", made[0].type(), "other", other.getKey())));
            TicketChange.announce(participants, em, TicketChange.of("LINKED", TicketMapper.toDto(other), caller.user(),
                    Map.of("link", LinkTypes.seenFrom(stored.type(), !stored.thisIsFrom()), "other", ticket.getKey())));
            return null;
        });
        delivered.run();
        return made[0];
    }

    public void unlink(Caller caller, String key, String type, String otherKey) {
        LinkTypes.Stored stored = LinkTypes.stored(type).orElseThrow(() -> new ValidationException("type", "must be one of " + LinkTypes.SIDES));
        db.inTransaction(em -> {
            TicketEntity ticket = workableTicket(em, caller, key);
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

    static java.util.Optional<LinkEntity> linkBetween(EntityManager em, long a, long b) {
        return em.createQuery("SELECT l FROM LinkEntity l WHERE (l.fromTicket = :a AND l.toTicket = :b) OR (l.fromTicket = :b AND l.toTicket = :a)",
                LinkEntity.class).setParameter("a", a).setParameter("b", b).getResultList().stream().findFirst();
    }

    private static Link toLink(String side, TicketEntity other) {
        return new Link(side, other.getKey(), other.getSummary(), other.getStatus(), other.getStatusCategory());
    }

    /** The ticket, if the caller may link it (the department's agents): linking is triage work. */
    private static TicketEntity workableTicket(EntityManager em, Caller caller, String key) {
        return permitted(em, caller, key, TicketAction.LINK);
    }

    /** The other ticket of a link: one the caller may not see is "not found" under the member that named it. */
    private static TicketEntity visibleTicketAs(EntityManager em, Caller caller, String key, String member) {
        try {
            return permitted(em, caller, key, TicketAction.READ_RECORD);
        } catch (NotFoundException | ForbiddenException e) {
            throw new ValidationException(member, "names no ticket you may see: " + key);
        }
    }
}
