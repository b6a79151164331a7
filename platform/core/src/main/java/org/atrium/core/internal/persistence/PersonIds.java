package org.atrium.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * The persistence boundary between logins (what the domain, the REST API and JAAS speak) and stable
 * person ids (what every column that names a person stores, table {@code person_identity}, V13).
 * One instance per unit of work of {@link Database}, on the unit's own connection: it sees the
 * unit's uncommitted rows, takes no lock another connection holds for it, and its memo lives no
 * longer than the unit, so that an erasure committed on another node shows in the next request
 * (no cache to keep coherent across nodes). A login seen for the first time gets an id.
 */
public final class PersonIds {
    /** Ids are this prefix and a number from {@code atrium_id_sequence} (row 'person'). */
    public static final String PREFIX = "p-";
    private static final ThreadLocal<PersonIds> CURRENT = new ThreadLocal<>();
    private final EntityManager em;
    private final PersonIdIssuer issuer;
    private final PersonIds outer;
    private final Map<String, String> idByLogin = new HashMap<>();
    private final Map<String, String> loginById = new HashMap<>();

    private PersonIds(EntityManager em, PersonIdIssuer issuer, PersonIds outer) {
        this.em = em;
        this.issuer = issuer;
        this.outer = outer;
    }

    /** Opens the boundary for a unit of work on this thread; {@link #close()} restores the outer one. */
    static PersonIds open(EntityManager em, PersonIdIssuer issuer) {
        PersonIds ids = new PersonIds(em, issuer, CURRENT.get());
        CURRENT.set(ids);
        return ids;
    }

    void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The boundary of the unit of work running on this thread. */
    public static PersonIds current() {
        PersonIds ids = CURRENT.get();
        if (ids == null) {
            throw new IllegalStateException("Person ids are mapped only inside a unit of work of Database");
        }
        return ids;
    }

    /** The id of a login; a login seen for the first time gets one. */
    public String idOf(String login) {
        String id = existingIdOf(login);
        if (id == null && login != null) {
            id = create(login);
            remember(id, login);
        }
        return id;
    }

    /** The login of an id (the pseudonym once erased); a value that is no id is returned as it is. */
    public String loginOf(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return id;
        }
        String known = loginById.get(id);
        if (known != null) {
            return known;
        }
        String login = query("SELECT login FROM person_identity WHERE id = ?", id);
        if (login == null) {
            return id;
        }
        remember(id, login);
        return login;
    }

    /** The id of a login without creating one: null for a login no row names. */
    public String existingIdOf(String login) {
        if (login == null) {
            return null;
        }
        String known = idByLogin.get(login);
        if (known != null) {
            return known;
        }
        String id = query("SELECT id FROM person_identity WHERE login = ?", login);
        if (id != null) {
            remember(id, login);
        }
        return id;
    }

    /** Whether the person of an id was erased. */
    public boolean erased(String id) {
        return query("SELECT id FROM person_identity WHERE id = ? AND erased_at IS NOT NULL", id) != null;
    }

    /** Replaces the login of an id by a pseudonym and marks it erased (the erasure's own row, in its unit of work). */
    public void pseudonymise(String id, String pseudonym, Instant at) {
        try (PreparedStatement update = connection().prepareStatement(
                "UPDATE person_identity SET login = ?, erased_at = ? WHERE id = ?")) {
            update.setString(1, pseudonym);
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not pseudonymise person " + id, e);
        }
        idByLogin.values().remove(id);
        remember(id, pseudonym);
    }

    private void remember(String id, String login) {
        idByLogin.put(login, id);
        loginById.put(id, login);
    }

    /** A new id, committed at once by the issuer (see {@link PersonIdIssuer} for why not in this unit of work). */
    private String create(String login) {
        return issuer.idFor(login);
    }

    private String query(String sql, String parameter) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read person ids", e);
        }
    }

    /** The unit of work's own connection (a read-only unit begins its transaction here, and rolls it back at its end). */
    private Connection connection() {
        if (!em.getTransaction().isActive()) {
            em.getTransaction().begin();
        }
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("No connection for person ids");
        }
        return connection;
    }
}
