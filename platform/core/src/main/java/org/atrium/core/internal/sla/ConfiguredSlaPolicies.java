package org.atrium.core.internal.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.SlaPolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies in force: each type's descriptor policy with its department's overrides from
 * {@code etc/org.atrium.sla-*.cfg} applied, as configured at the moment of asking (dynamic
 * references, so a new, edited or removed file applies without a restart). A type-level override
 * beats the department-wide one, which beats the descriptor. Overrides tune a policy; they never
 * give a type without service levels a clock.
 */
@Component(service = SlaPolicies.class)
public final class ConfiguredSlaPolicies implements SlaPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSlaPolicies.class);
    private final List<SlaConfiguration> configurations = new CopyOnWriteArrayList<>();
    /** Overrides naming clocks a type does not have, already logged (per overrides, so an edit logs again). */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void add(SlaConfiguration configuration) {
        configurations.add(configuration);
    }

    public void remove(SlaConfiguration configuration) {
        configurations.remove(configuration);
    }

    @Override
    public Optional<SlaPolicy> effective(RequestType type) {
        SlaPolicy declared = type.sla();
        if (declared == null) {
            return Optional.empty();
        }
        List<SlaOverrides> department = configurations.stream().map(SlaConfiguration::overrides).filter(Objects::nonNull)
                .filter(o -> o.department().equals(type.department())).toList();
        if (department.isEmpty()) {
            return Optional.of(declared);
        }
        // levels from the weakest to the strongest; within a level, the first file counts (as for groups)
        List<SlaOverrides.Level> levels = new ArrayList<>();
        for (int i = department.size() - 1; i >= 0; i--) {
            levels.add(department.get(i).departmentWide());
        }
        for (int i = department.size() - 1; i >= 0; i--) {
            levels.add(department.get(i).byType().getOrDefault(type.key(), SlaOverrides.Level.NONE));
        }
        String calendar = declared.calendar();
        Map<String, String> calendars = new LinkedHashMap<>(declared.calendarsByPriority());
        int warnPercent = declared.warnPercent();
        Map<String, Map<String, Duration>> targets = new LinkedHashMap<>();
        declared.clocks().forEach(clock -> targets.put(clock.key(), new LinkedHashMap<>(clock.targets())));
        for (SlaOverrides.Level level : levels) {
            calendar = level.calendar() == null ? calendar : level.calendar();
            calendars.putAll(level.calendarsByPriority());
            warnPercent = level.warnPercent() == null ? warnPercent : level.warnPercent();
            level.targets().forEach((clock, byPriority) -> {
                if (targets.containsKey(clock)) {
                    targets.get(clock).putAll(byPriority);
                } else if (warned.add(System.identityHashCode(level) + " " + type.key() + " " + clock)) {
                    LOG.warn("Service-level overrides of department {} set targets of clock '{}', which {} (schema version {}) does not"
                            + " have; its clocks are {}", type.department(), clock, type.key(), type.schemaVersion(), targets.keySet());
                }
            });
        }
        List<ClockPolicy> clocks = declared.clocks().stream().map(clock -> new ClockPolicy(clock.key(), clock.names(), clock.kind(),
                targets.get(clock.key()), clock.startWhen(), clock.pauseWhen(), clock.stopWhen(), clock.cancelWhen(),
                clock.resetWhen(), clock.onWarning(), clock.onBreach())).toList();
        return Optional.of(new SlaPolicy(calendar, calendars, warnPercent, clocks));
    }
}
