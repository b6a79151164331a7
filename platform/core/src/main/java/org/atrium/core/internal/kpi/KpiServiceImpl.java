package org.atrium.core.internal.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.kpi.KpiQuery;
import org.atrium.api.kpi.KpiReport;
import org.atrium.api.kpi.KpiService;
import org.atrium.api.security.Caller;
import org.atrium.api.workflow.WorkflowState;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The KPIs of docs/kpis.md for the departments the caller may watch. Who may is the access policy's
 * rule for a department's lists (its agents and administrators); the answer holds aggregates only, no
 * ticket keys, so confidential departments' figures reveal no case.
 */
@Component(service = KpiService.class)
public class KpiServiceImpl implements KpiService {
    private static final java.util.regex.Pattern PRIORITY = java.util.regex.Pattern.compile("P[1-4]");
    private final Database db;
    private final RequestTypeRegistry types;
    private final Clock clock;

    @Activate
    public KpiServiceImpl(@Reference Database db, @Reference RequestTypeRegistry types) {
        this(db, types, Clock.systemUTC());
    }

    KpiServiceImpl(Database db, RequestTypeRegistry types, Clock clock) {
        this.db = db;
        this.types = types;
        this.clock = clock;
    }

    @Override
    public KpiReport report(Caller caller, KpiQuery query) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        KpiRange range = KpiRange.of(query, now.atZone(java.time.ZoneId.of(KpiRange.DEFAULT_ZONE)).toLocalDate(), errors);
        Set<String> known = knownDepartments();
        if (query.department() != null && !known.contains(query.department()) && !caller.isAgentOf(query.department())) {
            errors.add(new FieldError("department", "is not a department of any request type; known are " + String.join(", ", known)));
        }
        if (query.type() != null && types.find(query.type()).isEmpty()) {
            errors.add(new FieldError("type", "is not a request type; known are "
                    + String.join(", ", types.all().stream().map(RequestType::key).sorted().toList())));
        }
        if (query.priority() != null && !PRIORITY.matcher(query.priority()).matches()) {
            errors.add(new FieldError("priority", "must be one of P1, P2, P3, P4"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<String> departments = watched(caller, query.department(), known);
        KpiScope scope = new KpiScope(departments, query.type(),
                query.priority() == null ? null : Integer.valueOf(query.priority().substring(1)));
        KpiComputation computation = new KpiComputation(this::category,
                types.all().stream().filter(type -> "incident".equals(type.category())).map(RequestType::key).toList());
        return db.read(em -> new KpiReport(range.from(), range.to(), range.period(), range.zone().getId(), departments,
                computation.rows(em, scope, range), computation.backlog(em, scope, now), computation.mtbf(em, scope, range)));
    }

    /** The departments whose figures the caller reads: the one asked for, else all they may watch; 403 for none. */
    private static List<String> watched(Caller caller, String department, Set<String> known) {
        if (department != null) {
            TicketAccessPolicy.checkDepartmentLists(caller, department);
            return List.of(department);
        }
        Set<String> departments = new TreeSet<>();
        if (caller.isAdmin()) {
            departments.addAll(known);
        }
        caller.roles().stream().filter(role -> role.startsWith(Caller.AGENT_PREFIX))
                .map(role -> role.substring(Caller.AGENT_PREFIX.length())).forEach(departments::add);
        departments.forEach(each -> TicketAccessPolicy.checkDepartmentLists(caller, each));
        if (departments.isEmpty()) {
            throw new ForbiddenException("KPIs are for a department's agents and administrators");
        }
        return List.copyOf(departments);
    }

    private Set<String> knownDepartments() {
        Set<String> departments = new TreeSet<>();
        types.all().forEach(type -> departments.add(type.department()));
        return departments;
    }

    /**
     * The status category of a state: from the type's workflow as installed now; a state it no longer
     * has (or a type that left) falls back to the state's own name, which the shipped workflows use for
     * their built-in states (open, in-progress, pending, resolved, closed).
     */
    private String category(String type, String state) {
        return types.find(type).flatMap(t -> t.workflow() == null ? java.util.Optional.<WorkflowState>empty() : t.workflow().state(state))
                .map(s -> s.category().json()).orElse(state);
    }
}
