package org.atrium.core.internal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.atrium.core.internal.form.Json;
import org.atrium.core.internal.privacy.FieldKinds;

/**
 * Writes a ticket's search terms (table ticket_search_term) in the transaction of the change that
 * gave it the text, on that transaction's connection: the index is never stale and every node reads
 * the same. Source 0 is the ticket's own text (key, summary, description, free-text form values),
 * rewritten whole when it changes; each comment is its own source, added once. Each write also
 * refreshes the ticket's rows of ticket_search_rank (SearchRanks), which the first page reads.
 */
public final class SearchIndex {
    static final long TICKET_TEXT = 0;
    private static final String INSERT = "INSERT INTO ticket_search_term (ticket_id, source_id, field, term, weight) VALUES (?, ?, ?, ?, ?)";

    private SearchIndex() {
    }

    /** One row of a ticket's own text (source 0), as ticket_search_term stores it. */
    public record Row(String field, String term, int weight) {
    }

    /** The rows of a ticket's own text (also for bulk loads that bypass the server, as the benchmark's). */
    public static List<Row> ticketRows(String key, String summary, String description, Collection<String> freeTextValues) {
        Map<Term, Integer> terms = ticketTerms(key, summary, description, freeTextValues);
        return terms.entrySet().stream().map(term -> new Row(term.getKey().field().column(), term.getKey().term(),
                term.getKey().field().weight(term.getValue()))).toList();
    }

    private static Map<Term, Integer> ticketTerms(String key, String summary, String description, Collection<String> freeTextValues) {
        Map<Term, Integer> terms = new LinkedHashMap<>();
        collect(terms, SearchField.KEY, SearchTerms.words(key, true));
        collect(terms, SearchField.SUMMARY, SearchTerms.words(summary));
        collect(terms, SearchField.DESCRIPTION, SearchTerms.words(description));
        freeTextValues.forEach(value -> collect(terms, SearchField.FIELDS, SearchTerms.words(value)));
        return terms;
    }

    /** The ticket's own text, replacing what was indexed of it before. */
    public static void ticketText(EntityManager em, long ticketId, String key, String summary, String description,
            Collection<String> freeTextValues) {
        Map<Term, Integer> terms = ticketTerms(key, summary, description, freeTextValues);
        Connection connection = em.unwrap(Connection.class);
        if (indexedAlready(connection, ticketId, terms)) {
            return; // most transitions and updates change no text: one read by primary key instead of two rewrites
        }
        execute(connection, "DELETE FROM ticket_search_term WHERE ticket_id = ? AND source_id = " + TICKET_TEXT, ticketId);
        insert(connection, ticketId, TICKET_TEXT, terms);
        SearchRanks.refresh(connection, ticketId);
    }

    /**
     * The text of a ticket created in this transaction: its id is new, so there is nothing of it to
     * replace, and the DELETE that {@link #ticketText} runs first is left out (it was 5 % of a
     * creation's CPU on Derby; a row that did exist would still fail on the primary key, not be doubled).
     */
    public static void newTicketText(EntityManager em, long ticketId, String key, String summary, String description,
            Collection<String> freeTextValues) {
        Connection connection = em.unwrap(Connection.class);
        Map<Term, Integer> terms = ticketTerms(key, summary, description, freeTextValues);
        insert(connection, ticketId, TICKET_TEXT, terms);
        SearchRanks.rankNew(connection, ticketId, scores(terms));
    }

    /** Each term's score as ticket_search_rank keeps it: the weights of its fields summed (no internal comment here). */
    private static Map<String, Integer> scores(Map<Term, Integer> terms) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        terms.forEach((term, occurrences) -> scores.merge(term.term(), term.field().weight(occurrences), Integer::sum));
        return scores;
    }

    /** Whether the ticket's own text is indexed with exactly these terms and weights. */
    private static boolean indexedAlready(Connection connection, long ticketId, Map<Term, Integer> terms) {
        Map<String, Integer> wanted = new HashMap<>();
        terms.forEach((term, occurrences) -> wanted.put(term.field().column() + ' ' + term.term(), term.field().weight(occurrences)));
        Map<String, Integer> indexed = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT field, term, weight FROM ticket_search_term WHERE ticket_id = ? AND source_id = " + TICKET_TEXT)) {
            select.setLong(1, ticketId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    indexed.put(row.getString(1) + ' ' + row.getString(2), row.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the search terms of ticket " + ticketId + ": " + e.getMessage(), e);
        }
        return indexed.equals(wanted);
    }

    /** A new comment's words (internal ones under their own field, which only agents search). */
    public static void comment(EntityManager em, long ticketId, long commentId, String body, boolean internal) {
        Map<Term, Integer> terms = new LinkedHashMap<>();
        collect(terms, internal ? SearchField.INTERNAL_COMMENT : SearchField.COMMENT, SearchTerms.words(body));
        Connection connection = em.unwrap(Connection.class);
        insert(connection, ticketId, commentId, terms);
        SearchRanks.refresh(connection, ticketId);
    }

    /**
     * Everything of the ticket again, read from its rows: after an erasure or retention redacted its
     * text, and for tickets written before the index existed. The caller flushes JPA's changes first.
     */
    public static void rebuild(EntityManager em, long ticketId, FieldKinds kinds) {
        Connection connection = em.unwrap(Connection.class);
        execute(connection, "DELETE FROM ticket_search_term WHERE ticket_id = ?", ticketId);
        SearchRanks.refresh(connection, ticketId);
        try (PreparedStatement ticket = connection.prepareStatement(
                "SELECT ticket_key, summary, description, fields_json, type_key, type_version FROM ticket WHERE id = ?")) {
            ticket.setLong(1, ticketId);
            try (ResultSet row = ticket.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                Set<String> freeText = kinds.freeText(em, row.getString(5), row.getInt(6));
                ticketText(em, ticketId, row.getString(1), row.getString(2), row.getString(3),
                        freeTextValues(Json.readMap(row.getString(4)), freeText));
            }
            try (PreparedStatement comments = connection.prepareStatement(
                    "SELECT id, body, internal FROM ticket_comment WHERE ticket_id = ? ORDER BY id")) {
                comments.setLong(1, ticketId);
                try (ResultSet row = comments.executeQuery()) {
                    while (row.next()) {
                        comment(em, ticketId, row.getLong(1), row.getString(2), row.getBoolean(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not rebuild the search terms of ticket " + ticketId + ": " + e.getMessage(), e);
        }
    }

    /** The values of the free-text fields (a text, or a list of texts), other fields left out. */
    public static List<String> freeTextValues(Map<String, Object> fields, Set<String> freeText) {
        List<String> values = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (freeText.contains(name) && value instanceof String text) {
                values.add(text);
            } else if (freeText.contains(name) && value instanceof Collection<?> texts) {
                texts.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
            }
        });
        return values;
    }

    private record Term(SearchField field, String term) {
    }

    private static void collect(Map<Term, Integer> terms, SearchField field, List<SearchTerms.Word> words) {
        for (SearchTerms.Word word : words) {
            for (String form : word.forms()) {
                terms.merge(new Term(field, form), 1, Integer::sum);
            }
        }
    }

    private static void insert(Connection connection, long ticketId, long sourceId, Map<Term, Integer> terms) {
        if (terms.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<Term, Integer> term : terms.entrySet()) {
                insert.setLong(1, ticketId);
                insert.setLong(2, sourceId);
                insert.setString(3, term.getKey().field().column());
                insert.setString(4, term.getKey().term());
                insert.setInt(5, term.getKey().field().weight(term.getValue()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("Could not index ticket " + ticketId + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql, long ticketId) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ticketId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not update the search terms of ticket " + ticketId + ": " + e.getMessage(), e);
        }
    }
}
