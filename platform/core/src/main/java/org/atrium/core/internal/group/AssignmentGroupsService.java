package org.atrium.core.internal.group;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atrium.api.directory.AssignmentGroup;
import org.atrium.api.directory.AssignmentGroups;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Every department's groups, from the configurations present now: an edited or removed
 * {@code etc/org.atrium.groups-*.cfg} takes effect without a restart (dynamic references, so the
 * services that use this one stay up meanwhile).
 */
@Component(service = AssignmentGroups.class)
public final class AssignmentGroupsService implements AssignmentGroups {
    private final List<GroupsConfiguration> configurations = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void add(GroupsConfiguration configuration) {
        configurations.add(configuration);
    }

    public void remove(GroupsConfiguration configuration) {
        configurations.remove(configuration);
    }

    /** For tests and code: the groups of one department, as a configuration would give them. */
    public static AssignmentGroupsService of(Map<String, Map<String, Object>> departments) {
        AssignmentGroupsService service = new AssignmentGroupsService();
        departments.forEach((department, properties) -> {
            Map<String, Object> withDepartment = new java.util.HashMap<>(properties);
            withDepartment.put("department", department);
            service.add(new GroupsConfiguration(withDepartment));
        });
        return service;
    }

    @Override
    public List<AssignmentGroup> of(String department) {
        // two files for one department add up; the same key twice: the first file's group wins (find)
        Map<String, AssignmentGroup> byKey = new ConcurrentHashMap<>();
        configurations.stream().filter(c -> department.equals(c.department()))
                .flatMap(c -> c.groups().stream()).forEach(g -> byKey.putIfAbsent(g.key(), g));
        return byKey.values().stream().sorted(Comparator.comparing(AssignmentGroup::key)).toList();
    }

    @Override
    public Optional<AssignmentGroup> find(String department, String key) {
        return of(department).stream().filter(g -> g.key().equals(key)).findFirst();
    }

    @Override
    public List<AssignmentGroup> all() {
        return configurations.stream().map(GroupsConfiguration::department).filter(java.util.Objects::nonNull).distinct().sorted()
                .flatMap(department -> of(department).stream()).toList();
    }
}
