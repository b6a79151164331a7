package org.atrium.core.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.atrium.core.internal.persistence.PersonIds;

/**
 * Reads the search index: the caller's visible tickets that hold any of the words, ranked, one
 * bounded page; the visibility and the queue's filters are part of the SQL, never applied after
 * paging. Rank: more of the search's words first, then the summed weights (SearchField), then the
 * newer ticket. Internal comments count only in tickets of the departments the caller works. Ranking
 * reads ticket_search_rank only; ticket_search_term is read by ticket, for where the page's hits matched.
 */
public final class SearchQueries {
    /** The ticket columns the queue's filters and visibility name (JPA attribute to column). */
    private static final Map<String, String> COLUMNS = Map.of("requester", "requester", "department", "department",
            "confidential", "confidential", "status", "status", "statusCategory", "status_category",
            "assignee", "assignee", "assignmentGroup", "assignment_group");

    private static final Set<String> PERSON_ATTRIBUTES = Set.of("requester", "assignee");

    private SearchQueries() {
    }

    /**
     * What narrows a search. {@code visibility}: alternatives (OR) of column = value, as
     * TicketAccessPolicy.listRestriction gives them (one empty map: no restriction); {@code equal}:
     * filters that must all hold; {@code anyOf}: filters of several values, each a set to be in;
     * {@code internalDepartments}: the departments whose internal comments the caller reads.
     */
    public record Scope(List<Map<String, Object>> visibility, Map<String, Object> equal, Map<String, Collection<String>> anyOf,
            boolean unassigned, Set<String> internalDepartments) {
    }

    /** One ticket found: how many of the search's words it holds and their weight. */
    public record Ranked(long ticketId, int words, int score) {
    }

    /**
     * Up to {@code limit} hits after the first {@code offset}, best first: several words, grouped per
     * ticket off ticket_search_rank (index ticket_search_rank_order serves {@code term IN}), a ticket's
     * score the summed scores of its matching terms. A term only in internal comments (score 0) counts
     * as a matched word for agents of the ticket's department and adds nothing to the score, as in
     * {@link #rankOneWord}. Its cost grows with the rows of its terms: SeveralWordsRanking reads the page off the
     * rank index instead and calls this only when that does not settle (two common words that seldom meet).
     */
    public static List<Ranked> rank(EntityManager em, List<Set<String>> words, Scope scope, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.ticket_id, ");
        List<String> perWord = new ArrayList<>();
        for (Set<String> forms : words) {
            perWord.add("MAX(CASE WHEN r.term IN (" + marks(forms.size()) + ") THEN 1 ELSE 0 END)");
            params.addAll(forms);
        }
        Set<String> terms = new LinkedHashSet<>();
        words.forEach(terms::addAll);
        sql.append(String.join(" + ", perWord)).append(", SUM(r.score) FROM ticket_search_rank r JOIN ticket t ON t.id = r.ticket_id WHERE r.term IN (")
                .append(marks(terms.size())).append(")");
        params.addAll(terms);
        scope(sql, params, scope, "r.score > 0");
        sql.append(" GROUP BY r.ticket_id ORDER BY 2 DESC, 3 DESC, 1 DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(offset);
        params.add(limit);
        List<Ranked> ranked = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql.toString()), params).getResultList()) {
            Object[] columns = (Object[]) row;
            ranked.add(new Ranked(((Number) columns[0]).longValue(), ((Number) columns[1]).intValue(), ((Number) columns[2]).intValue()));
        }
        return ranked;
    }

    /**
     * A one-word search (the word's forms and, as one types, the terms its last letters begin): the
     * first {@code offset + limit} hits of each term read off index ticket_search_rank_order in score
     * order, joined to the ticket for visibility and filters, stopping after the page; merged with
     * each ticket at the score of its best term. The cost grows with the page, not with the matches.
     * Derby is told the plan (rank index first, ticket by id): its optimizer has no statistics to see it.
     */
    public static List<Ranked> rankOneWord(EntityManager em, Set<String> terms, Scope scope, int offset, int limit) {
        Map<Long, Integer> best = new HashMap<>();
        for (String term : terms) {
            for (long[] row : termRows(em, term, scope, 0, offset + limit)) {
                best.merge(row[0], (int) row[1], Math::max);
            }
        }
        return best.entrySet().stream()
                .sorted(java.util.Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .skip(offset).limit(limit).map(hit -> new Ranked(hit.getKey(), 1, hit.getValue())).toList();
    }

    /**
     * One term's visible rows (ticket id, score) in rank order (score, then newer ticket), {@code count}
     * after the first {@code skip}: read off index ticket_search_rank_order and joined to the ticket by id
     * for visibility and filters, as in {@link #rankOneWord} (Derby told the plan).
     */
    static List<long[]> termRows(EntityManager em, String term, Scope scope, int skip, int count) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.ticket_id, r.score FROM --DERBY-PROPERTIES joinOrder=FIXED\n")
                .append(" ticket_search_rank r --DERBY-PROPERTIES index=ticket_search_rank_order\n")
                .append(", ticket t --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n WHERE r.term = ? AND t.id = r.ticket_id");
        params.add(term);
        scope(sql, params, scope, "r.score > 0");
        sql.append(" ORDER BY r.score DESC, r.ticket_id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(skip);
        params.add(count);
        List<long[]> rows = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql.toString()), params).getResultList()) {
            Object[] columns = (Object[]) row;
            rows.add(new long[] {((Number) columns[0]).longValue(), ((Number) columns[1]).longValue()});
        }
        return rows;
    }

    /**
     * The given tickets ranked as {@link #rank} ranks them: their rows of the search's terms read by
     * primary key (ticket_id, term), with the same visibility, filters and internal-comment rule.
     */
    static Map<Long, Ranked> rankTickets(EntityManager em, Collection<Long> ticketIds, List<Set<String>> words, Scope scope) {
        Map<Long, Ranked> ranked = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return ranked;
        }
        Set<String> terms = new LinkedHashSet<>();
        words.forEach(terms::addAll);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.ticket_id, r.term, r.score FROM ticket_search_rank r "
                + "--DERBY-PROPERTIES constraint=ticket_search_rank_pk\n JOIN ticket t ON t.id = r.ticket_id WHERE r.ticket_id IN (")
                .append(marks(ticketIds.size())).append(") AND r.term IN (").append(marks(terms.size())).append(")");
        params.addAll(ticketIds);
        params.addAll(terms);
        scope(sql, params, scope, "r.score > 0");
        Map<Long, Map<String, Integer>> rows = new HashMap<>();
        for (Object row : bind(em.createNativeQuery(sql.toString()), params).getResultList()) {
            Object[] columns = (Object[]) row;
            rows.computeIfAbsent(((Number) columns[0]).longValue(), id -> new HashMap<>()).put((String) columns[1], ((Number) columns[2]).intValue());
        }
        rows.forEach((ticketId, scores) -> {
            int held = (int) words.stream().filter(forms -> forms.stream().anyMatch(scores::containsKey)).count();
            ranked.put(ticketId, new Ranked(ticketId, held, scores.values().stream().mapToInt(Integer::intValue).sum()));
        });
        return ranked;
    }

    /**
     * The indexed terms that begin with one of the prefixes, at most {@code max} (the shortest first:
     * each is the next term after the last found, one index probe each), so a short prefix stays cheap.
     */
    public static Set<String> expand(EntityManager em, Set<String> prefixes, int max) {
        Set<String> found = new java.util.TreeSet<>();
        for (String prefix : prefixes) {
            // the range [prefix, prefix with its last letter raised): an index range in every collation we run on
            String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
            String after = prefix;
            boolean inclusive = true;
            for (int probes = 0; probes < 2 * max && found.size() < max; probes++) {
                // Derby is told the index: without statistics it may scan the table and sort instead
                List<?> next = em.createNativeQuery("SELECT term FROM ticket_search_rank --DERBY-PROPERTIES index=ticket_search_rank_order\n"
                        + " WHERE term " + (inclusive ? ">=" : ">")
                        + " ? AND term < ? ORDER BY term OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY")
                        .setParameter(1, after).setParameter(2, upper).getResultList();
                if (next.isEmpty()) {
                    break;
                }
                after = (String) next.get(0);
                inclusive = false;
                if (after.startsWith(prefix)) {
                    found.add(after);
                }
            }
        }
        return found;
    }

    /** Where each of the tickets matched the words, within what the scope lets the caller read. */
    public static Map<Long, Set<SearchField>> matches(EntityManager em, Collection<Long> ticketIds, List<Set<String>> words, Scope scope) {
        Map<Long, Set<SearchField>> matches = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return matches;
        }
        List<Object> params = new ArrayList<>();
        // Derby is told to read by ticket (primary key): by term it read every row of a common word (0.7 s at 100,000 tickets)
        StringBuilder sql = new StringBuilder("SELECT DISTINCT s.ticket_id, s.field FROM ticket_search_term s "
                + "--DERBY-PROPERTIES constraint=ticket_search_term_pk\n JOIN ticket t ON t.id = s.ticket_id WHERE s.ticket_id IN (")
                .append(marks(ticketIds.size())).append(") AND ");
        params.addAll(ticketIds);
        where(sql, params, words, scope);
        for (Object row : bind(em.createNativeQuery(sql.toString()), params).getResultList()) {
            Object[] columns = (Object[]) row;
            SearchField.ofColumn((String) columns[1]).ifPresent(field -> matches
                    .computeIfAbsent(((Number) columns[0]).longValue(), id -> EnumSet.noneOf(SearchField.class)).add(field));
        }
        return matches;
    }

    private static void where(StringBuilder sql, List<Object> params, List<Set<String>> words, Scope scope) {
        Set<String> terms = new LinkedHashSet<>();
        words.forEach(terms::addAll);
        sql.append("s.term IN (").append(marks(terms.size())).append(")");
        params.addAll(terms);
        scope(sql, params, scope, "s.field <> '" + SearchField.INTERNAL_COMMENT.column() + "'");
    }

    /**
     * The caller's visibility and the queue's filters on {@code t}; {@code publicHit} is the condition
     * under which a row holds more than internal comments, which only agents of the ticket's department read.
     */
    private static void scope(StringBuilder sql, List<Object> params, Scope scope, String publicHit) {
        List<String> alternatives = new ArrayList<>();
        for (Map<String, Object> alternative : scope.visibility()) {
            List<String> all = new ArrayList<>();
            alternative.forEach((attribute, value) -> all.add(equal(attribute, value, params)));
            alternatives.add(all.isEmpty() ? "1 = 1" : String.join(" AND ", all));
        }
        sql.append(" AND (").append(String.join(" OR ", alternatives)).append(")");
        scope.equal().forEach((attribute, value) -> sql.append(" AND ").append(equal(attribute, value, params)));
        scope.anyOf().forEach((attribute, values) -> {
            sql.append(" AND t.").append(column(attribute)).append(" IN (").append(marks(values.size())).append(")");
            params.addAll(values);
        });
        if (scope.unassigned()) {
            sql.append(" AND t.assignee IS NULL");
        }
        sql.append(" AND (").append(publicHit);
        if (!scope.internalDepartments().isEmpty()) {
            sql.append(" OR t.department IN (").append(marks(scope.internalDepartments().size())).append(")");
            params.addAll(scope.internalDepartments());
        }
        sql.append(")");
    }

    /**
     * {@code t.column = ?}; the columns that name a person hold their stable id (PersonColumn), which
     * JPQL converts by itself and native SQL must: a login no row names matches nothing.
     */
    private static String equal(String attribute, Object value, List<Object> params) {
        Object bound = value;
        if (PERSON_ATTRIBUTES.contains(attribute)) {
            bound = PersonIds.current().existingIdOf((String) value);
            if (bound == null) {
                return "1 = 0";
            }
        }
        params.add(bound);
        return "t." + column(attribute) + " = ?";
    }

    private static String column(String attribute) {
        String column = COLUMNS.get(attribute);
        if (column == null) {
            throw new IllegalArgumentException("no search filter on " + attribute);
        }
        return column;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
