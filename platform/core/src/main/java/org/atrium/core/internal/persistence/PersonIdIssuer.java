package org.atrium.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

/**
 * Gives a login seen for the first time its person id, in a short transaction of its own. Inside
 * the caller's unit of work the sequence row would stay locked until that unit commits: every other
 * unit meeting a new login would wait for it, and a wait the database cannot see (EclipseLink's own
 * locks, the pool) turned that into a lock timeout under concurrent creation. An id whose unit of
 * work then rolls back is harmless: the login keeps it.
 */
final class PersonIdIssuer {
    private final EntityManagerFactory emf;

    PersonIdIssuer(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** The login's id: a new one, or the one another unit gave it at the same moment. */
    String idFor(String login) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Connection connection = em.unwrap(Connection.class);
            try {
                String id = insert(connection, login);
                em.getTransaction().commit();
                return id;
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw new PersistenceException("Could not give the login " + login + " a person id", e);
                }
                em.getTransaction().rollback(); // a duplicate login: another unit was first, and has committed
                return existing(login);
            }
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static String insert(Connection connection, String login) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(
                "UPDATE atrium_id_sequence SET seq_count = seq_count + 1 WHERE seq_name = 'person'")) {
            next.executeUpdate();
        }
        long number;
        try (PreparedStatement read = connection.prepareStatement("SELECT seq_count FROM atrium_id_sequence WHERE seq_name = 'person'");
             ResultSet row = read.executeQuery()) {
            row.next();
            number = row.getLong(1);
        }
        String id = PersonIds.PREFIX + number;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person_identity (id, login, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, login);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    private String existing(String login) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            try (PreparedStatement read = em.unwrap(Connection.class).prepareStatement("SELECT id FROM person_identity WHERE login = ?")) {
                read.setString(1, login);
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        return row.getString(1);
                    }
                }
            }
            throw new PersistenceException("The login " + login + " has no person id after a duplicate one was refused");
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the person id of " + login, e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
