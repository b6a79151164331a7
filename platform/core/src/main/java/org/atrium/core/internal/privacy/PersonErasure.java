package org.atrium.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.atrium.api.ValidationException;
import org.atrium.api.audit.AuditTrail;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.privacy.ErasureReport;
import org.atrium.api.privacy.PersonalData;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.audit.AuditRows;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.PersonEntity;
import org.atrium.core.internal.persistence.PersonIds;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * Erases (anonymises) a person in one transaction: the person's login, names and e-mail become a
 * pseudonym (one row of person_identity: every other row names the person by id), free text they
 * wrote is redacted, tickets stay. Person fields of forms, which hold logins, name the pseudonym.
 * A retry (with the login while the first attempt did not commit, or with the pseudonym after) is safe.
 */
final class PersonErasure {
    /** The server's own actor (timers, sweeps): no person, never erased. */
    static final String SYSTEM = "system";
    /** A colon: HTTP Basic allows none in a user name, so no one can log in as a pseudonym. */
    private static final String PSEUDONYM_PREFIX = "erased:";
    private final Database db;
    private final Clock clock;
    private final TicketRedaction redaction;
    private final Directory directory;

    PersonErasure(Database db, Clock clock, TicketRedaction redaction, Directory directory) {
        this.db = db;
        this.clock = clock;
        this.redaction = redaction;
        this.directory = directory;
    }

    ErasureReport erase(Caller caller, String login) {
        if (SYSTEM.equals(login)) {
            throw new ValidationException("login", "is the server's own actor, not a person");
        }
        if (caller.user().equals(login)) {
            throw new ValidationException("login", "is you: another administrator erases you");
        }
        return db.inTransaction(em -> {
            PersonIds ids = PersonIds.current();
            String id = PersonRows.idOf(login);
            String pseudonym = pseudonymOf(id);
            if (ids.erased(id)) {
                return new ErasureReport(login, true, 0, 0, 0, 0);
            }
            Instant now = clock.instant();
            // read before anything is pseudonymised: the mail tables name them by address and display name
            Optional<Person> known = directory.find(login);
            Set<String> addresses = MessagingRows.addresses(em, login, known.map(Person::email).orElse(null));
            List<TicketEntity> requested = PersonRows.requested(em, login);
            MessagingRows.erase(em, login, pseudonym, known.map(Person::displayName).orElse(null), addresses,
                    requested.stream().map(TicketEntity::getKey).toList());
            int history = 0;
            for (TicketEntity ticket : requested) {
                history += redaction.redact(em, ticket, caller.user(), now, "erasure of " + pseudonym);
            }
            // the tickets whose search terms hold their words: requested by them or commented on
            java.util.Set<Long> indexed = new java.util.TreeSet<>();
            requested.forEach(ticket -> indexed.add(ticket.getId()));
            em.createNativeQuery("SELECT DISTINCT ticket_id FROM ticket_comment WHERE author = ?").setParameter(1, id)
                    .getResultList().forEach(ticketId -> indexed.add(((Number) ticketId).longValue()));
            int comments = em.createNativeQuery("UPDATE ticket_comment SET body = ? WHERE author = ?")
                    .setParameter(1, PersonalData.REDACTED).setParameter(2, id).executeUpdate();
            em.createNativeQuery("UPDATE approval SET decision_comment = ? WHERE decided_by = ? AND decision_comment IS NOT NULL")
                    .setParameter(1, PersonalData.REDACTED).setParameter(2, id).executeUpdate();
            // values they typed into other people's tickets
            history += em.createNativeQuery("UPDATE ticket_history SET before_value = CASE WHEN before_value IS NULL THEN NULL ELSE CAST(? AS VARCHAR(20)) END,"
                    + " after_value = CASE WHEN after_value IS NULL THEN NULL ELSE CAST(? AS VARCHAR(20)) END"
                    + " WHERE actor = ? AND (field IN ('summary', 'description') OR field LIKE 'fields.%')")
                    .setParameter(1, PersonalData.REDACTED).setParameter(2, PersonalData.REDACTED).setParameter(3, id).executeUpdate();
            // an erased person signs in no more: their portal sessions end with the erasure
            em.createNativeQuery("DELETE FROM portal_session WHERE person_id = ?").setParameter(1, id).executeUpdate();
            // uploads no ticket took are theirs alone: nothing of them stays
            em.createNativeQuery("DELETE FROM ticket_attachment WHERE uploaded_by = ? AND ticket_id IS NULL").setParameter(1, id).executeUpdate();
            indexed.forEach(ticketId -> redaction.reindex(em, ticketId));
            ids.pseudonymise(id, pseudonym, now);
            int formValues = FormPeople.rename(em, login, pseudonym);
            DecidersList.rename(em, login, pseudonym);
            em.createQuery("SELECT p FROM PersonEntity p WHERE p.login = :login", PersonEntity.class).setParameter("login", login)
                    .getResultList().forEach(person -> person.pseudonymise(pseudonym, now));
            AuditRows.record(em, now, caller.user(), AuditTrail.PERSON_ERASED, id, null, null, false);
            return new ErasureReport(pseudonym, false, requested.size(), comments, history, formValues);
        });
    }

    static String pseudonymOf(String id) {
        return PSEUDONYM_PREFIX + id.substring(PersonIds.PREFIX.length());
    }
}
