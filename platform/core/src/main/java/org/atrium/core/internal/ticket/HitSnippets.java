package org.atrium.core.internal.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.atrium.api.search.SearchSnippet;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.search.SearchField;
import org.atrium.core.internal.search.SearchSnippets;

/**
 * The snippets of a page of hits: each ticket's texts by field as the caller reads them (the ticket as
 * returned, its public comments, and its internal comments only where the ranking query matched
 * internal comments for this caller, i.e. they are an agent of the ticket's department).
 */
final class HitSnippets {
    private HitSnippets() {
    }

    static Map<String, SearchSnippet> of(EntityManager em, List<Long> ids, List<Ticket> tickets, Map<Long, Set<SearchField>> matches,
            List<Set<String>> searched) {
        Set<String> terms = new HashSet<>();
        searched.forEach(terms::addAll);
        Map<Long, List<Object[]>> comments = comments(em, ids.stream().filter(id -> {
            Set<SearchField> in = matches.getOrDefault(id, Set.of());
            return in.contains(SearchField.COMMENT) || in.contains(SearchField.INTERNAL_COMMENT);
        }).toList());
        Map<String, SearchSnippet> snippets = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Ticket ticket = tickets.get(i);
            Set<SearchField> matched = matches.getOrDefault(ids.get(i), Set.of());
            Map<SearchField, List<String>> texts = new EnumMap<>(SearchField.class);
            texts.put(SearchField.KEY, List.of(ticket.key()));
            texts.put(SearchField.SUMMARY, ticket.summary() == null ? List.of() : List.of(ticket.summary()));
            texts.put(SearchField.DESCRIPTION, ticket.description() == null ? List.of() : List.of(ticket.description()));
            texts.put(SearchField.FIELDS, fieldTexts(ticket.fields()));
            for (Object[] comment : comments.getOrDefault(ids.get(i), List.of())) {
                boolean internal = Boolean.TRUE.equals(comment[2]) || (comment[2] instanceof Number n && n.intValue() != 0);
                SearchField field = internal ? SearchField.INTERNAL_COMMENT : SearchField.COMMENT;
                if (matched.contains(field)) { // an internal comment only where the caller's query matched internal ones
                    texts.computeIfAbsent(field, f -> new ArrayList<>()).add((String) comment[1]);
                }
            }
            SearchSnippets.of(texts, matched, terms).ifPresent(snippet -> snippets.put(ticket.key(), snippet));
        }
        return snippets;
    }

    private static Map<Long, List<Object[]>> comments(EntityManager em, List<Long> ids) {
        Map<Long, List<Object[]>> byTicket = new HashMap<>();
        if (ids.isEmpty()) {
            return byTicket;
        }
        StringBuilder sql = new StringBuilder("SELECT ticket_id, body, internal FROM ticket_comment WHERE ticket_id IN (");
        sql.append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))).append(") ORDER BY id");
        javax.persistence.Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            byTicket.computeIfAbsent(((Number) columns[0]).longValue(), id -> new ArrayList<>()).add(columns);
        }
        return byTicket;
    }

    private static List<String> fieldTexts(Map<String, Object> fields) {
        List<String> texts = new ArrayList<>();
        if (fields != null) {
            fields.values().forEach(value -> {
                if (value instanceof String text) {
                    texts.add(text);
                } else if (value instanceof Collection<?> values) {
                    values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(texts::add);
                }
            });
        }
        return texts;
    }
}
