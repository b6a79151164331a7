package org.atrium.core.internal.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.atrium.api.directory.DirectoryProvider;
import org.atrium.api.directory.Person;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.PersonEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Atrium's own directory: the people in the {@code person} table, filled by the CSV import. Ranked 0,
 * so that a provider registered with a higher {@code service.ranking} (e.g. LDAP) takes over.
 */
@Component(service = DirectoryProvider.class, property = "service.ranking:Integer=0")
public class DatabaseDirectoryProvider implements DirectoryProvider {
    private final Database db;

    @Activate
    public DatabaseDirectoryProvider(@Reference Database db) {
        this.db = db;
    }

    @Override
    public Optional<Person> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return db.read(em -> Optional.ofNullable(em.find(PersonEntity.class, id)).map(PersonEntity::toPerson));
    }

    @Override
    public List<Person> search(String text, int limit) {
        String pattern = "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return db.read(em -> em.createQuery("SELECT p FROM PersonEntity p WHERE p.active = :active AND ("
                        + "LOWER(p.id) LIKE :text ESCAPE '!' OR LOWER(p.displayName) LIKE :text ESCAPE '!' "
                        + "OR LOWER(p.email) LIKE :text ESCAPE '!') ORDER BY p.displayName, p.id", PersonEntity.class)
                .setParameter("active", true)
                .setParameter("text", pattern)
                .setMaxResults(limit)
                .getResultList().stream().map(PersonEntity::toPerson).toList());
    }

    /** A typed '%' or '_' is a character to find, not a wildcard. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
