package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.BusinessCalendars;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.sla.SlaClockEntry;
import org.atrium.api.sla.SlaService;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.SlaClockEntity;
import org.atrium.core.internal.persistence.TicketEntity;

/**
 * A department's SLA lists: the clocks at risk (nearest breach first) and the breaches of a period.
 * Both read an index range whose length grows with the page, not with the tickets: the at-risk list
 * the department's tickets by their earliest due time (ticket_sla_queue), the breaches the clocks by
 * breach time (sla_clock_breached).
 */
final class SlaLists {
    private final Database db;
    private final RequestTypeRegistry types;
    private final BusinessCalendars calendars;
    private final Clock clock;

    SlaLists(Database db, RequestTypeRegistry types, BusinessCalendars calendars, Clock clock) {
        this.db = db;
        this.types = types;
        this.calendars = calendars;
        this.clock = clock;
    }

    List<SlaClockEntry> atRisk(Caller caller, String department, int limit) {
        checkRequest(caller, department, limit, List.of());
        Instant now = clock.instant();
        return db.read(em -> {
            // the first `limit` tickets by earliest due time hold the `limit` clocks due first
            List<TicketEntity> tickets = query(em, "SELECT t FROM TicketEntity t WHERE t.department = :department AND t.slaDueAt IS NOT NULL"
                    + confidentialFilter(caller, department, "t") + " ORDER BY t.slaDueAt, t.id", TicketEntity.class, department)
                    .setMaxResults(limit).getResultList();
            if (tickets.isEmpty()) {
                return List.of();
            }
            Map<Long, TicketEntity> byId = tickets.stream().collect(Collectors.toMap(TicketEntity::getId, Function.identity()));
            List<SlaClockEntity> clocks = em.createQuery("SELECT c FROM SlaClockEntity c WHERE c.ticketId IN :ids AND c.dueAt IS NOT NULL",
                    SlaClockEntity.class).setParameter("ids", List.copyOf(byId.keySet())).getResultList();
            List<SlaClockEntry> entries = new ArrayList<>();
            for (SlaClockEntity row : clocks) {
                entries.add(entry(byId.get(row.getTicketId()), row, now));
            }
            return entries.stream()
                    .sorted(Comparator.comparing(SlaClockEntry::remaining).thenComparing(SlaClockEntry::dueAt)
                            .thenComparing(SlaClockEntry::ticketKey).thenComparing(SlaClockEntry::clock))
                    .limit(limit).toList();
        });
    }

    List<SlaClockEntry> breaches(Caller caller, String department, Instant from, Instant to, int limit) {
        Instant now = clock.instant();
        Instant start = from == null ? (to == null ? now : to).minus(SlaService.DEFAULT_BREACH_PERIOD) : from;
        List<FieldError> errors = new ArrayList<>();
        if (to != null && !start.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        } else if (to == null && start.isAfter(now)) {
            errors.add(new FieldError("from", "must not be in the future"));
        }
        checkRequest(caller, department, limit, errors);
        // no "to": up to now, including what was recorded this very moment
        String period = " AND c.breachedAt >= :from" + (to == null ? "" : " AND c.breachedAt < :to");
        return db.read(em -> {
            TypedQuery<Object[]> query = query(em, "SELECT c, t FROM SlaClockEntity c, TicketEntity t WHERE t.id = c.ticketId" + period
                    + " AND t.department = :department" + confidentialFilter(caller, department, "t")
                    + " ORDER BY c.breachedAt DESC, c.id DESC", Object[].class, department).setParameter("from", start);
            if (to != null) {
                query.setParameter("to", to);
            }
            return query.setMaxResults(limit).getResultList().stream()
                    .map(pair -> entry((TicketEntity) pair[1], (SlaClockEntity) pair[0], now)).toList();
        });
    }

    /** A bad parameter is a 400 naming it; a caller who works no ticket of the department a 403. */
    private void checkRequest(Caller caller, String department, int limit, List<FieldError> errors) {
        List<FieldError> all = new ArrayList<>(errors);
        if (department == null || department.isBlank()) {
            all.add(new FieldError("department", "is required"));
        } else if (!caller.isAgentOf(department) && caller.isAdmin() && !knownDepartments().contains(department)) {
            all.add(new FieldError("department", "is not a department of any request type; known are "
                    + String.join(", ", knownDepartments())));
        }
        if (limit < 1 || limit > SlaService.MAX_LIMIT) {
            all.add(new FieldError("limit", "must be between 1 and " + SlaService.MAX_LIMIT));
        }
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
        TicketAccessPolicy.checkDepartmentLists(caller, department);
    }

    private List<String> knownDepartments() {
        return types.all().stream().map(RequestType::department).distinct().sorted().toList();
    }

    /** The policy's restriction: confidential tickets only for the department's agents (TicketAccessPolicy.listsConfidential). */
    private static String confidentialFilter(Caller caller, String department, String alias) {
        return TicketAccessPolicy.listsConfidential(caller, department) ? "" : " AND " + alias + ".confidential = :notConfidential";
    }

    private static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, String department) {
        TypedQuery<T> query = em.createQuery(jpql, type).setParameter("department", department);
        if (jpql.contains(":notConfidential")) {
            query.setParameter("notConfidential", Boolean.FALSE); // bound: Derby refuses BOOLEAN = 0
        }
        return query;
    }

    private SlaClockEntry entry(TicketEntity ticket, SlaClockEntity row, Instant now) {
        return new SlaClockEntry(ticket.getKey(), ticket.getSummary(), ticket.getDepartment(), row.getClockKey(), row.getKind(), row.getPriority(),
                row.getState(), Duration.ofSeconds(row.getTargetSeconds()), row.getCalendar(), row.getDueAt(), remaining(row, now),
                row.getBreachedAt());
    }

    /**
     * Business time from now to the due time in the clock's calendar (negative past it): the stored
     * due time stays right while the clock runs, so nothing needs folding again. A stopped clock keeps
     * what it had left when it stopped.
     */
    private Duration remaining(SlaClockEntity row, Instant now) {
        Duration stopped = Duration.ofSeconds(row.getTargetSeconds() - row.getElapsedSeconds());
        if (row.getDueAt() == null) {
            return stopped;
        }
        BusinessCalendar calendar = calendars.find(row.getCalendar()).orElse(null);
        if (calendar == null) {
            return Duration.between(now, row.getDueAt()); // its calendar was removed since: wall time is the best estimate
        }
        return now.isAfter(row.getDueAt()) ? calendar.between(row.getDueAt(), now).negated() : calendar.between(now, row.getDueAt());
    }
}
