package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.RequestTypeVersionEntity;

/**
 * The request type exactly as the version a ticket pins declared it. The registry only knows the
 * versions installed now; every version a ticket was created with is also kept in the database,
 * so a ticket keeps its form when its bundle is updated or removed.
 */
final class PinnedTypes {
    private final Database db;
    private final RequestTypeRegistry registry;
    private final Clock clock;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final Map<String, RequestType> loaded = new ConcurrentHashMap<>();

    PinnedTypes(Database db, RequestTypeRegistry registry, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.clock = clock;
    }

    /** Keeps the version before the first ticket pins it. */
    void remember(RequestType type) {
        String id = RequestTypeVersionEntity.id(type.key(), type.schemaVersion());
        if (stored.contains(id)) {
            return;
        }
        synchronized (this) {
            if (!stored.contains(id)) {
                insertIfAbsent(id, type);
                stored.add(id);
            }
        }
    }

    /**
     * Another node may store the same version at the same moment: its row wins and the duplicate
     * key here is no error, since a version's descriptor is the same on every node.
     */
    private void insertIfAbsent(String id, RequestType type) {
        try {
            db.inTransaction(em -> {
                if (em.find(RequestTypeVersionEntity.class, id) == null) {
                    em.persist(new RequestTypeVersionEntity(type.key(), type.schemaVersion(), Json.write(type), clock.instant()));
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (db.read(em -> em.find(RequestTypeVersionEntity.class, id)) == null) {
                throw e;
            }
        }
    }

    Optional<RequestType> find(String key, int version) {
        Optional<RequestType> installed = registry.find(key).filter(type -> type.schemaVersion() == version);
        if (installed.isPresent()) {
            return installed;
        }
        String id = RequestTypeVersionEntity.id(key, version);
        RequestType kept = loaded.computeIfAbsent(id, ignored -> db.read(em -> {
            RequestTypeVersionEntity entity = em.find(RequestTypeVersionEntity.class, id);
            return entity == null ? null : parse(entity.getDescriptor());
        }));
        return Optional.ofNullable(kept);
    }

    private static RequestType parse(String json) {
        try {
            return Json.MAPPER.readerFor(RequestType.class)
                    // versions stored before workflows carry members since folded into the workflow ("actions")
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored request-type version is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
