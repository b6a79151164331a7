package org.atrium.core.internal.mail.out;

import java.time.Clock;
import java.util.List;

import javax.persistence.EntityManager;

import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.notification.WatcherService;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.access.TicketAction;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.ticket.TicketLookup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Watchers of a ticket. Anyone who may read a ticket's record follows it themself; the ticket's
 * department's agents may add and remove others, each of whom must be an active person who may read
 * it too (else 403). Mails check again when they are written, so a watcher who lost access hears nothing.
 */
@Component(service = WatcherService.class)
public class WatcherServiceImpl implements WatcherService {
    private final Database db;
    private final Directory directory;
    private final Clock clock;

    @Activate
    public WatcherServiceImpl(@Reference Database db, @Reference Directory directory) {
        this(db, directory, Clock.systemUTC());
    }

    public WatcherServiceImpl(Database db, Directory directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public List<String> watchers(Caller caller, String ticketKey) {
        return db.read(em -> {
            TicketEntity ticket = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
            return Watchers.of(em, ticket.getKey());
        });
    }

    @Override
    public List<String> watch(Caller caller, String ticketKey, String person) {
        return db.inTransaction(em -> {
            TicketEntity ticket = checked(em, caller, ticketKey, person);
            Watchers.add(em, ticket.getKey(), person == null ? caller.user() : person, caller.user(), clock.instant());
            return Watchers.of(em, ticket.getKey());
        });
    }

    @Override
    public List<String> unwatch(Caller caller, String ticketKey, String person) {
        return db.inTransaction(em -> {
            TicketEntity ticket = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
            String who = person == null ? caller.user() : person;
            if (!who.equals(caller.user()) && !TicketAccessPolicy.works(caller, ticket)) {
                throw new ForbiddenException("Only the department's agents remove others from the watchers of " + ticket.getKey());
            }
            Watchers.remove(em, ticket.getKey(), who);
            return Watchers.of(em, ticket.getKey());
        });
    }

    private TicketEntity checked(EntityManager em, Caller caller, String ticketKey, String person) {
        TicketEntity ticket = TicketLookup.permitted(em, caller, ticketKey, TicketAction.READ_RECORD);
        if (person == null || person.equals(caller.user())) {
            return ticket;
        }
        if (!TicketAccessPolicy.works(caller, ticket)) {
            throw new ForbiddenException("Only the department's agents add others to the watchers of " + ticket.getKey());
        }
        Person other = directory.find(person).filter(Person::active)
                .orElseThrow(() -> new ValidationException("person", "is not an active person in the directory"));
        Caller asOther = new Caller(other.id(), other.roles());
        if (!TicketAccessPolicy.allows(TicketAction.READ_RECORD, asOther, ticket, () -> false)) {
            throw new ForbiddenException(person + " may not see " + ticket.getKey() + " and so cannot follow it");
        }
        return ticket;
    }
}
