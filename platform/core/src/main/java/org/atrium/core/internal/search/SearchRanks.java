package org.atrium.core.internal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import javax.persistence.PersistenceException;

/**
 * Keeps ticket_search_rank (one row per term and ticket, its score without internal comments) in step
 * with a ticket's rows of ticket_search_term, in the same transaction: recomputed from them whole, so
 * it cannot drift. Both statements read and write by ticket id (the primary keys start with it).
 */
public final class SearchRanks {
    static final String DELETE = "DELETE FROM ticket_search_rank WHERE ticket_id = ?";
    static final String INSERT_ROW = "INSERT INTO ticket_search_rank (ticket_id, term, score) VALUES (?, ?, ?)";
    static final String INSERT = "INSERT INTO ticket_search_rank (ticket_id, term, score) SELECT ticket_id, term, "
            + "SUM(CASE WHEN field = '" + SearchField.INTERNAL_COMMENT.column() + "' THEN 0 ELSE weight END) FROM ticket_search_term WHERE ticket_id = ? GROUP BY ticket_id, term";

    private SearchRanks() {
    }

    /**
     * A ticket created in this transaction: it has no rank rows to replace, and its terms are all of its
     * own text (no internal comment), so the scores are the summed weights the caller computed: a batch
     * of plain INSERTs instead of an INSERT ... SELECT that reads back and groups what was just written
     * (a quarter of that statement's cost in the creation profile).
     */
    static void rankNew(Connection connection, long ticketId, Map<String, Integer> scores) {
        if (scores.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ROW)) {
            for (Map.Entry<String, Integer> score : scores.entrySet()) {
                insert.setLong(1, ticketId);
                insert.setString(2, score.getKey());
                insert.setInt(3, score.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("Could not rank the search terms of ticket " + ticketId + ": " + e.getMessage(), e);
        }
    }

    static void refresh(Connection connection, long ticketId) {
        try (PreparedStatement delete = connection.prepareStatement(DELETE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            delete.setLong(1, ticketId);
            delete.executeUpdate();
            insert.setLong(1, ticketId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not rank the search terms of ticket " + ticketId + ": " + e.getMessage(), e);
        }
    }
}
