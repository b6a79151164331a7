package org.atrium.core.internal.kpi;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.atrium.api.kpi.BacklogBucket;
import org.atrium.api.kpi.KpiRow;
import org.atrium.api.kpi.ServiceMtbf;
import org.atrium.core.internal.form.Json;

/**
 * Computes a report's figures (docs/kpis.md) with a bounded memory: tickets are read in pages of
 * {@value #PAGE} by id, each page with its history rows and clocks, folded and dropped; ratings and
 * the backlog are aggregated by the database. Only tickets that can count in the range are read: those
 * created before its end that were not already resolved or closed before its start.
 */
final class KpiComputation {
    static final int PAGE = 500;
    static final String RESOLUTION_CLOCK = "resolution";
    static final String FIRST_RESPONSE_CLOCK = "first-response";
    static final String AFFECTED_SERVICE = "affectedService";

    /** What a state of a type means: (type key, state key) -> status category. */
    private final BiFunction<String, String, String> categories;
    private final List<String> incidentTypes;

    KpiComputation(BiFunction<String, String, String> categories, List<String> incidentTypes) {
        this.categories = categories;
        this.incidentTypes = List.copyOf(incidentTypes);
    }

    private record TicketRow(long id, String department, String type, String priority, String requester, Instant createdAt) {
    }

    private record ClockRow(String key, String state, long elapsedSeconds, Instant stoppedAt) {
    }

    List<KpiRow> rows(EntityManager em, KpiScope scope, KpiRange range) {
        KpiTally tally = new KpiTally();
        long after = -1;
        while (true) {
            List<TicketRow> page = tickets(em, scope, range, after);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, List<TicketHistoryFold.Row>> history = history(em, page);
            Map<Long, List<ClockRow>> clocks = clocks(em, page);
            for (TicketRow ticket : page) {
                count(tally, range, ticket, history.getOrDefault(ticket.id(), List.of()), clocks.getOrDefault(ticket.id(), List.of()));
            }
            after = page.get(page.size() - 1).id();
        }
        ratings(em, scope, range, tally);
        return tally.rows();
    }

    private void count(KpiTally tally, KpiRange range, TicketRow ticket, List<TicketHistoryFold.Row> rows, List<ClockRow> clocks) {
        if (range.contains(ticket.createdAt())) {
            tally.at(group(range, ticket, ticket.createdAt())).opened++;
        }
        TicketHistoryFold fold = TicketHistoryFold.of(ticket.requester(), rows, state -> categories.apply(ticket.type(), state));
        Instant acknowledged = fold.acknowledgedAt();
        for (ClockRow clock : clocks) {
            if (clock.stoppedAt() == null || !(clock.state().equals("met") || clock.state().equals("breached"))) {
                continue;
            }
            if (FIRST_RESPONSE_CLOCK.equals(clock.key())) {
                acknowledged = clock.stoppedAt(); // the clock defines the acknowledgement where the type has one
            }
            if (range.contains(clock.stoppedAt())) {
                long[] counts = tally.at(group(range, ticket, clock.stoppedAt())).clocks.computeIfAbsent(clock.key(), k -> new long[2]);
                counts[clock.state().equals("met") ? 0 : 1]++;
            }
        }
        if (range.contains(acknowledged)) {
            KpiTally.Sums sums = tally.at(group(range, ticket, acknowledged));
            sums.acknowledged++;
            sums.ackSeconds += TicketHistoryFold.seconds(ticket.createdAt(), acknowledged);
        }
        Instant resolved = fold.resolvedAt();
        if (range.contains(resolved)) {
            KpiTally.Sums sums = tally.at(group(range, ticket, resolved));
            sums.resolved++;
            sums.wallSeconds += TicketHistoryFold.seconds(ticket.createdAt(), resolved);
            sums.firstTimeFixed += fold.firstTimeFix() ? 1 : 0;
            sums.reopened += fold.reopened() ? 1 : 0;
            for (ClockRow clock : clocks) {
                if (RESOLUTION_CLOCK.equals(clock.key()) && clock.stoppedAt() != null
                        && (clock.state().equals("met") || clock.state().equals("breached"))) {
                    sums.businessCount++;
                    sums.businessSeconds += clock.elapsedSeconds();
                }
            }
        }
    }

    private static KpiTally.Group group(KpiRange range, TicketRow ticket, Instant at) {
        return new KpiTally.Group(range.periodOf(at), ticket.department(), ticket.type(), ticket.priority());
    }

    private List<TicketRow> tickets(EntityManager em, KpiScope scope, KpiRange range, long after) {
        List<Object> values = new ArrayList<>(List.of(after, Timestamp.from(range.end()), Timestamp.from(range.start())));
        values.addAll(scope.parameters());
        Query query = em.createNativeQuery("SELECT t.id, t.department, t.type_key, t.priority, t.requester, t.created_at FROM ticket t"
                + " WHERE t.id > ? AND t.created_at < ?"
                + " AND (t.status_category NOT IN ('resolved', 'closed') OR t.status_changed_at IS NULL OR t.status_changed_at >= ?)"
                + scope.where() + " ORDER BY t.id");
        bind(query, values).setMaxResults(PAGE);
        List<TicketRow> page = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            page.add(new TicketRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], "P" + ((Number) r[3]).intValue(),
                    (String) r[4], instant(r[5])));
        }
        return page;
    }

    private static Map<Long, List<TicketHistoryFold.Row>> history(EntityManager em, List<TicketRow> page) {
        List<Object> ids = page.stream().map(t -> (Object) t.id()).toList();
        Query query = em.createNativeQuery("SELECT h.ticket_id, h.occurred_at, h.actor, h.action, h.field, h.before_value, h.after_value"
                + " FROM ticket_history h WHERE h.ticket_id IN (" + marks(ids.size()) + ")"
                + " AND h.field IN ('status', 'public', 'assignmentGroup') ORDER BY h.ticket_id, h.id");
        Map<Long, List<TicketHistoryFold.Row>> byTicket = new HashMap<>();
        for (Object row : bind(query, ids).getResultList()) {
            Object[] r = (Object[]) row;
            byTicket.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>())
                    .add(new TicketHistoryFold.Row(instant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]));
        }
        return byTicket;
    }

    private static Map<Long, List<ClockRow>> clocks(EntityManager em, List<TicketRow> page) {
        List<Object> ids = page.stream().map(t -> (Object) t.id()).toList();
        Query query = em.createNativeQuery("SELECT c.ticket_id, c.clock_key, c.state, c.elapsed_seconds, c.stopped_at FROM sla_clock c"
                + " WHERE c.ticket_id IN (" + marks(ids.size()) + ") ORDER BY c.ticket_id, c.clock_key");
        Map<Long, List<ClockRow>> byTicket = new HashMap<>();
        for (Object row : bind(query, ids).getResultList()) {
            Object[] r = (Object[]) row;
            byTicket.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>())
                    .add(new ClockRow((String) r[1], (String) r[2], ((Number) r[3]).longValue(), instant(r[4])));
        }
        return byTicket;
    }

    /** Ratings given in the range, counted by the database per group and score (a rating counts in the period it was given). */
    private static void ratings(EntityManager em, KpiScope scope, KpiRange range, KpiTally tally) {
        List<Object> values = new ArrayList<>(List.of(Timestamp.from(range.start()), Timestamp.from(range.end())));
        values.addAll(scope.parameters());
        Query query = em.createNativeQuery("SELECT t.department, t.type_key, t.priority, r.score, r.rated_at FROM ticket_rating r"
                + " JOIN ticket t ON t.id = r.ticket_id WHERE r.rated_at >= ? AND r.rated_at < ?" + scope.where());
        for (Object row : bind(query, values).getResultList()) {
            Object[] r = (Object[]) row;
            int score = ((Number) r[3]).intValue();
            KpiTally.Sums sums = tally.at(new KpiTally.Group(range.periodOf(instant(r[4])), (String) r[0], (String) r[1],
                    "P" + ((Number) r[2]).intValue()));
            sums.ratings++;
            sums.scoreSum += score;
            sums.satisfied += score >= 4 ? 1 : 0;
        }
    }

    /** Open tickets now, by age since creation; counted by the database. */
    List<BacklogBucket> backlog(EntityManager em, KpiScope scope, Instant now) {
        List<Object> values = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now.minus(Duration.ofDays(7))),
                Timestamp.from(now.minus(Duration.ofDays(30)))));
        values.addAll(scope.parameters());
        Query query = em.createNativeQuery("SELECT b.department, b.type_key, b.priority, b.age, COUNT(*) FROM (SELECT t.department, t.type_key,"
                + " t.priority, CASE WHEN t.created_at >= ? THEN 'a' WHEN t.created_at >= ? THEN 'b' WHEN t.created_at >= ? THEN 'c' ELSE 'd' END"
                + " AS age FROM ticket t WHERE t.status_category NOT IN ('resolved', 'closed')" + scope.where() + ") b"
                + " GROUP BY b.department, b.type_key, b.priority, b.age ORDER BY b.department, b.type_key, b.priority, b.age");
        Map<String, String> ages = Map.of("a", "<1d", "b", "1-7d", "c", "7-30d", "d", ">30d");
        List<BacklogBucket> buckets = new ArrayList<>();
        for (Object row : bind(query, values).getResultList()) {
            Object[] r = (Object[]) row;
            buckets.add(new BacklogBucket((String) r[0], (String) r[1], "P" + ((Number) r[2]).intValue(), ages.get(((String) r[3]).strip()),
                    ((Number) r[4]).longValue()));
        }
        return buckets;
    }

    /**
     * Mean time between failures per affected service: the incidents (types of category incident) created
     * in the range, by the value of their {@value #AFFECTED_SERVICE} field, read a page at a time.
     */
    List<ServiceMtbf> mtbf(EntityManager em, KpiScope scope, KpiRange range) {
        if (incidentTypes.isEmpty()) {
            return List.of();
        }
        Map<String, Instant[]> firstLast = new TreeMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        long after = -1;
        while (true) {
            List<Object> values = new ArrayList<>(List.of(after, Timestamp.from(range.start()), Timestamp.from(range.end())));
            values.addAll(incidentTypes);
            values.addAll(scope.parameters());
            Query query = em.createNativeQuery("SELECT t.id, t.created_at, t.fields_json FROM ticket t WHERE t.id > ? AND t.created_at >= ?"
                    + " AND t.created_at < ? AND t.type_key IN (" + marks(incidentTypes.size()) + ")" + scope.where() + " ORDER BY t.id");
            List<?> page = bind(query, values).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (Object row : page) {
                Object[] r = (Object[]) row;
                after = ((Number) r[0]).longValue();
                // PostgreSQL hands jsonb as a PGobject whose text is the document
                Object service = Json.readMap(String.valueOf(r[2])).get(AFFECTED_SERVICE);
                if (service instanceof String name && !name.isBlank()) {
                    Instant created = instant(r[1]);
                    Instant[] span = firstLast.computeIfAbsent(name, n -> new Instant[] {created, created});
                    span[0] = created.isBefore(span[0]) ? created : span[0];
                    span[1] = created.isAfter(span[1]) ? created : span[1];
                    counts.merge(name, 1L, Long::sum);
                }
            }
        }
        List<ServiceMtbf> services = new ArrayList<>();
        firstLast.forEach((service, span) -> {
            long n = counts.get(service);
            services.add(new ServiceMtbf(service, n, n < 2 ? null : (double) TicketHistoryFold.seconds(span[0], span[1]) / (n - 1)));
        });
        return services;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
