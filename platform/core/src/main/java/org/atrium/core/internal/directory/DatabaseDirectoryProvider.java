package org.atrium.core.internal.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.atrium.api.directory.DirectoryProvider;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.OutOfOfficeStore;
import org.atrium.api.directory.Person;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.PersonEntity;
import org.atrium.core.internal.persistence.PersonIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Atrium's own directory: the people in the {@code person} table, filled by the CSV import. Ranked 0,
 * so that a provider registered with a higher {@code service.ranking} (e.g. LDAP) takes over.
 */
@Component(service = DirectoryProvider.class, property = "service.ranking:Integer=0")
public class DatabaseDirectoryProvider implements DirectoryProvider, OutOfOfficeStore {
    private final Database db;

    @Activate
    public DatabaseDirectoryProvider(@Reference Database db) {
        this.db = db;
        DemoPeople.loadFromKarafEtc(db);
    }

    @Override
    public Optional<Person> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        // the API's person id is the login; the table's key is the stable id (V13), the login has its own index
        return db.read(em -> em.createQuery("SELECT p FROM PersonEntity p WHERE p.login = :login", PersonEntity.class)
                .setParameter("login", id).getResultList().stream().findFirst().map(PersonEntity::toPerson));
    }

    @Override
    public List<Person> search(String text, int limit) {
        String pattern = "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        // native SQL: EclipseLink binds a JPQL boolean as 1 on Derby, which refuses BOOLEAN = INTEGER;
        // the literal TRUE is valid on Derby and PostgreSQL alike
        return db.read(em -> {
            @SuppressWarnings("unchecked")
            List<PersonEntity> rows = em.createNativeQuery("SELECT * FROM person WHERE active = TRUE AND ("
                            + "LOWER(login) LIKE ?1 ESCAPE '!' OR LOWER(display_name) LIKE ?1 ESCAPE '!' "
                            + "OR LOWER(email) LIKE ?1 ESCAPE '!') ORDER BY display_name, login", PersonEntity.class)
                    .setParameter(1, pattern)
                    .setMaxResults(limit)
                    .getResultList();
            return rows.stream().map(PersonEntity::toPerson).toList();
        });
    }

    @Override
    public boolean hasActiveReports(String managerId) {
        if (managerId == null) {
            return false;
        }
        // indexed by person_by_manager; native SQL for the BOOLEAN literal, as in search
        return db.read(em -> !em.createNativeQuery("SELECT id FROM person WHERE manager = ?1 AND active = TRUE")
                .setParameter(1, String.valueOf(PersonIds.current().existingIdOf(managerId)))
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }

    @Override
    public List<Person> delegatingTo(String delegateId) {
        return db.read(em -> em.createQuery("SELECT p FROM PersonEntity p WHERE p.oooDelegate = :delegate ORDER BY p.login", PersonEntity.class)
                .setParameter("delegate", delegateId).getResultList().stream().map(PersonEntity::toPerson).toList());
    }

    @Override
    public boolean storeOutOfOffice(String id, OutOfOffice absence) {
        return db.inTransaction(em -> {
            List<PersonEntity> found = em.createQuery("SELECT p FROM PersonEntity p WHERE p.login = :login", PersonEntity.class)
                    .setParameter("login", id).getResultList();
            if (found.isEmpty()) {
                return false;
            }
            PersonEntity entity = found.get(0);
            Person p = entity.toPerson();
            entity.update(new Person(p.id(), p.displayName(), p.email(), p.language(), p.department(), p.manager(), p.country(),
                    p.region(), p.roles(), p.active(), absence), Instant.now());
            return true;
        });
    }

    /** A typed '%' or '_' is a character to find, not a wildcard. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
