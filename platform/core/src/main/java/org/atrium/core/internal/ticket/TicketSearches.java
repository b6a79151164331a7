package org.atrium.core.internal.ticket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.search.SearchHit;
import org.atrium.api.search.SearchPage;
import org.atrium.api.search.SearchQuery;
import org.atrium.api.search.SearchResult;
import org.atrium.api.search.TicketSearch;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.search.SearchField;
import org.atrium.core.internal.search.SearchPrefix;
import org.atrium.core.internal.search.SearchQueries;
import org.atrium.core.internal.search.SearchTerms;
import org.atrium.core.internal.search.SeveralWordsRanking;

/**
 * {@code GET /tickets?q=}: the search text checked and analysed as the index was, the queue's filters
 * checked as the queue checks them (QueueRequest), then one ranked page of what the caller sees in
 * full (the queue's visibility, TicketAccessPolicy). Pages go by offset behind an opaque cursor, at
 * most {@link TicketSearch#MAX_RESULTS} deep: a rank order has no key to continue after.
 */
final class TicketSearches {
    /** More words make the ranking query longer, not the results better. */
    static final int MAX_WORDS = 10;
    private static final String CURSOR_PREFIX = "search:";
    private final Database db;
    private final WorkflowSteps steps;
    private final GroupRule groups;

    TicketSearches(Database db, WorkflowSteps steps, GroupRule groups) {
        this.db = db;
        this.steps = steps;
        this.groups = groups;
    }

    SearchPage search(Caller caller, SearchQuery search) {
        return run(caller, search, false).page();
    }

    SearchResult searchWithSnippets(Caller caller, SearchQuery search) {
        return run(caller, search, true);
    }

    private SearchResult run(Caller caller, SearchQuery search, boolean withSnippets) {
        List<FieldError> errors = new ArrayList<>();
        List<Set<String>> words = words(search.text(), errors);
        TicketQuery filters = search.filters() == null ? TicketQuery.all() : search.filters();
        if (filters.sort() != null) {
            errors.add(new FieldError("sort", "cannot be combined with q: search results come best match first"));
        }
        int offset = offset(filters.cursor(), errors);
        QueueRequest request = null;
        try {
            request = QueueRequest.check(caller, new TicketQuery(filters.department(), filters.statuses(), filters.categories(),
                    filters.assignee(), filters.requester(), filters.group(), filters.unassigned(), null, filters.limit(), null),
                    steps.knownStates(), groups.configured(), null);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TicketQuery query = request.query();
        SearchQueries.Scope scope = scope(caller, query);
        int limit = Math.min(query.limit(), TicketSearch.MAX_RESULTS - offset);
        return db.read(em -> {
            List<Set<String>> searched = SearchPrefix.expandLast(em, search.text(), words);
            List<SearchQueries.Ranked> ranked = searched.size() == 1
                    ? SearchQueries.rankOneWord(em, searched.get(0), scope, offset, limit + 1)
                    : SeveralWordsRanking.rank(em, searched, scope, offset, limit + 1);
            boolean more = ranked.size() > limit && offset + limit < TicketSearch.MAX_RESULTS;
            List<SearchQueries.Ranked> page = ranked.size() > limit ? ranked.subList(0, limit) : ranked;
            List<Long> ids = page.stream().map(SearchQueries.Ranked::ticketId).toList();
            Map<Long, TicketEntity> byId = ids.isEmpty() ? Map.of() : em.createQuery("SELECT t FROM TicketEntity t WHERE t.id IN :ids",
                    TicketEntity.class).setParameter("ids", ids).getResultList().stream()
                    .collect(Collectors.toMap(TicketEntity::getId, Function.identity()));
            List<TicketEntity> tickets = ids.stream().map(byId::get).toList();
            List<Ticket> read = SlaWarnings.of(em, tickets, tickets.stream().map(TicketMapper::toDto).toList());
            Map<Long, Set<SearchField>> matches = SearchQueries.matches(em, ids, searched, scope);
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                hits.add(new SearchHit(read.get(i), matches.getOrDefault(ids.get(i), Set.of()).stream().sorted()
                        .map(SearchField::json).toList(), page.get(i).score()));
            }
            SearchPage found = new SearchPage(hits, more ? cursor(offset + limit) : null);
            return new SearchResult(found, withSnippets ? HitSnippets.of(em, ids, read, matches, searched) : Map.of());
        });
    }

    /** The search's words, each with the forms it is indexed under; repeats and words of the same forms once. */
    private static List<Set<String>> words(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("q", "needs a text to search for"));
            return List.of();
        }
        if (text.length() > TicketSearch.MAX_TEXT) {
            errors.add(new FieldError("q", "is longer than " + TicketSearch.MAX_TEXT + " characters"));
            return List.of();
        }
        List<SearchTerms.Word> analysed = SearchTerms.words(text, false);
        if (analysed.isEmpty()) {
            analysed = SearchTerms.words(text, true); // only stop words ("IT"): search them after all
        }
        Map<Set<String>, Boolean> distinct = new LinkedHashMap<>();
        analysed.forEach(word -> distinct.put(word.forms(), Boolean.TRUE));
        if (distinct.isEmpty()) {
            errors.add(new FieldError("q", "has no word to search for (letters or digits)"));
        } else if (distinct.size() > MAX_WORDS) {
            errors.add(new FieldError("q", "has more than " + MAX_WORDS + " different words"));
        }
        return new ArrayList<>(distinct.keySet());
    }

    /** The filters as the index query names them; visibility as the queue's (TicketAccessPolicy). */
    private static SearchQueries.Scope scope(Caller caller, TicketQuery query) {
        Map<String, Object> equal = new HashMap<>();
        putIfSet(equal, "department", query.department());
        putIfSet(equal, "assignee", query.assignee());
        putIfSet(equal, "requester", query.requester());
        putIfSet(equal, "assignmentGroup", query.group());
        Map<String, java.util.Collection<String>> anyOf = new HashMap<>();
        if (!query.statuses().isEmpty()) {
            anyOf.put("status", query.statuses());
        }
        if (!query.categories().isEmpty()) {
            anyOf.put("statusCategory", query.categories());
        }
        Set<String> works = new LinkedHashSet<>();
        caller.roles().stream().filter(role -> role.startsWith(Caller.AGENT_PREFIX))
                .map(role -> role.substring(Caller.AGENT_PREFIX.length())).forEach(works::add);
        return new SearchQueries.Scope(TicketAccessPolicy.listRestriction(caller, query.department()), equal, anyOf,
                query.unassigned(), works);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor, List<FieldError> errors) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(CURSOR_PREFIX.length()));
                if (offset > 0 && offset < TicketSearch.MAX_RESULTS) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below
        }
        errors.add(new FieldError("cursor", "is not the nextCursor of a search (results end after " + TicketSearch.MAX_RESULTS + ")"));
        return 0;
    }
}
