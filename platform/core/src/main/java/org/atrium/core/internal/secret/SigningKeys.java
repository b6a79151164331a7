package org.atrium.core.internal.secret;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atrium.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Named HMAC keys shared by every node (table {@code signing_key}, V19). A key is made on first use
 * from 32 random bytes; when two nodes make one at once, the second insert fails on the primary key
 * and that node reads the first one's key, so all nodes sign alike. Keys are cached for the
 * component's life: they never change once stored.
 */
@Component(service = SigningKeys.class)
public class SigningKeys {
    private static final int KEY_BYTES = 32;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final Database db;
    private final Clock clock;

    @Activate
    public SigningKeys(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    SigningKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The key of this name, made and stored on first use. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::storedOrNew).clone();
    }

    private byte[] storedOrNew(String name) {
        Optional<String> stored = stored(name);
        if (stored.isEmpty()) {
            tryToStore(name, newSecret());
            stored = stored(name);
        }
        return Base64.getDecoder().decode(stored.orElseThrow(() -> new IllegalStateException("signing key " + name + " could not be stored")));
    }

    private String newSecret() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private void tryToStore(String name, String secret) {
        try {
            db.inTransaction(em -> em.createNativeQuery("INSERT INTO signing_key (name, secret, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, name).setParameter(2, secret).setParameter(3, Timestamp.from(clock.instant()))
                    .executeUpdate());
        } catch (RuntimeException anotherNodeWon) {
            // the read that follows finds the other node's key; if there is none, it fails loudly
        }
    }

    private Optional<String> stored(String name) {
        List<?> rows = db.read(em -> em.createNativeQuery("SELECT secret FROM signing_key WHERE name = ?1")
                .setParameter(1, name).getResultList());
        return rows.stream().findFirst().map(Object::toString);
    }
}
