package org.atrium.core.internal.catalog;

import java.time.Clock;
import java.util.Optional;

import javax.persistence.PersistenceException;

import org.atrium.api.catalog.RequestType;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.RequestTypeVersionEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link TypeVersions} in the database table request_type_version, shared by every node. */
@Component(service = TypeVersions.class)
public class StoredTypeVersions implements TypeVersions {
    private final Database db;
    private final Clock clock;

    @Activate
    public StoredTypeVersions(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    StoredTypeVersions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<String> register(RequestType type, String contentHash) {
        try {
            return db.inTransaction(em -> compare(type, contentHash, em.find(RequestTypeVersionEntity.class,
                    RequestTypeVersionEntity.id(type.key(), type.schemaVersion())), em));
        } catch (PersistenceException e) {
            // another node stored the same version at the same moment: compare with what it stored
            return db.inTransaction(em -> compare(type, contentHash, em.find(RequestTypeVersionEntity.class,
                    RequestTypeVersionEntity.id(type.key(), type.schemaVersion())), em));
        }
    }

    private Optional<String> compare(RequestType type, String contentHash, RequestTypeVersionEntity stored,
            javax.persistence.EntityManager em) {
        if (stored == null) {
            RequestTypeVersionEntity entity = new RequestTypeVersionEntity(type.key(), type.schemaVersion(), Json.write(type), clock.instant());
            entity.setContentHash(contentHash);
            em.persist(entity);
            em.flush();
            return Optional.empty();
        }
        if (stored.getContentHash() == null) {
            stored.setContentHash(contentHash); // stored before hashes were kept: this content is the reference now
            return Optional.empty();
        }
        if (!stored.getContentHash().equals(contentHash)) {
            return Optional.of("schemaVersion " + type.schemaVersion() + " of " + type.key() + " is already in use with other"
                    + " content; raise schemaVersion whenever the descriptor changes, so that tickets keep the version they pinned");
        }
        return Optional.empty();
    }
}
