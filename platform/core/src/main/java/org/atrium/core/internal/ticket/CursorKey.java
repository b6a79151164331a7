package org.atrium.core.internal.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.atrium.core.internal.persistence.Database;

/**
 * The installation's key for signing queue cursors (HMAC-SHA256), so that a cursor the server did not
 * hand out is refused instead of steering a query. Created once, at the first cursor, as four random
 * 63-bit rows {@code cursor_key_1..4} in the existing {@code atrium_id_sequence} table (252 bits; no
 * schema change), and read from there by every node on the database: a cursor from one node
 * continues on another. A node that loses the race to create them uses the winner's.
 */
final class CursorKey {
    static final List<String> ROWS = List.of("cursor_key_1", "cursor_key_2", "cursor_key_3", "cursor_key_4");
    private final Database db;
    private volatile SecretKeySpec key;

    CursorKey(Database db) {
        this.db = db;
    }

    /** A fixed key, for tests without a database. */
    CursorKey(byte[] key) {
        this.db = null;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The signature of the text: the first 128 bits of its HMAC-SHA256. */
    byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return Arrays.copyOf(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 16); // 128 bits are plenty against forgery
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean verify(String text, byte[] signature) {
        return MessageDigest.isEqual(sign(text), signature); // constant time: no timing oracle
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(load(), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] load() {
        byte[] stored = db.read(CursorKey::read);
        if (stored != null) {
            return stored;
        }
        SecureRandom random = new SecureRandom();
        try {
            db.inTransaction(em -> {
                for (String row : ROWS) {
                    em.createNativeQuery("INSERT INTO atrium_id_sequence (seq_name, seq_count) VALUES (?, ?)")
                            .setParameter(1, row).setParameter(2, random.nextLong() & Long.MAX_VALUE).executeUpdate();
                }
                return null;
            });
        } catch (PersistenceException e) {
            // another node created them first (duplicate key): read theirs below
        }
        stored = db.read(CursorKey::read);
        if (stored == null) {
            throw new IllegalStateException("The cursor key could not be created in atrium_id_sequence");
        }
        return stored;
    }

    private static byte[] read(EntityManager em) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * ROWS.size());
        for (String row : ROWS) {
            List<?> found = em.createNativeQuery("SELECT seq_count FROM atrium_id_sequence WHERE seq_name = ?")
                    .setParameter(1, row).getResultList();
            if (found.isEmpty()) {
                return null;
            }
            bytes.putLong(((Number) found.get(0)).longValue());
        }
        return bytes.array();
    }
}
