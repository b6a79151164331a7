package org.atrium.core.internal.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * The bytes of an attachment, as streams on the unit of work's own connection (BLOB on Derby, BYTEA on
 * PostgreSQL: the same JDBC calls). JPA does not map the column, so no entity ever holds the bytes.
 */
final class AttachmentContent {
    private AttachmentContent() {
    }

    /** Writes the content of a row the unit of work inserted (flushed) before. */
    static void write(EntityManager em, long id, InputStream content, long size) {
        try (PreparedStatement update = connection(em).prepareStatement("UPDATE ticket_attachment SET content = ? WHERE id = ?")) {
            update.setBinaryStream(1, content, size);
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                throw new PersistenceException("No attachment row " + id + " to write its content to");
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not store attachment " + id, e);
        }
    }

    /** Copies the content to {@code out}; false when the row has none (erased). */
    static boolean copy(EntityManager em, long id, OutputStream out) throws IOException {
        try (PreparedStatement read = connection(em).prepareStatement("SELECT content FROM ticket_attachment WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                try (InputStream content = row.getBinaryStream(1)) {
                    if (content == null) {
                        return false;
                    }
                    content.transferTo(out);
                    return true;
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read attachment " + id, e);
        }
    }

    /** Removes the bytes and names of every attachment of a ticket (anonymisation); returns how many rows it erased. */
    static int erase(EntityManager em, long ticketId, java.time.Instant now) {
        return em.createNativeQuery("UPDATE ticket_attachment SET content = NULL, erased_at = ?, file_name = ?, original_name = ?"
                + " WHERE ticket_id = ? AND erased_at IS NULL")
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, org.atrium.api.privacy.PersonalData.REDACTED)
                .setParameter(3, org.atrium.api.privacy.PersonalData.REDACTED)
                .setParameter(4, ticketId).executeUpdate();
    }

    private static Connection connection(EntityManager em) {
        if (!em.getTransaction().isActive()) {
            em.getTransaction().begin();
        }
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("No connection for attachment content");
        }
        return connection;
    }

}
