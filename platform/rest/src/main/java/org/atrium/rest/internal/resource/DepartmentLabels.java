package org.atrium.rest.internal.resource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.RequestType;

/**
 * The label of each department, from the descriptors of its types (their optional {@code departmentNames}):
 * the first type by key that gives one speaks for the department, so that one descriptor is enough and
 * every type of the department shows the same label.
 */
final class DepartmentLabels {
    private DepartmentLabels() {
    }

    /** By department key: its label per language tag; departments whose types give none are left out. */
    static Map<String, Map<String, String>> of(List<RequestType> types) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        types.stream().sorted(Comparator.comparing(RequestType::key))
                .filter(type -> !type.departmentNames().isEmpty())
                .forEach(type -> labels.putIfAbsent(type.department(), type.departmentNames()));
        return labels;
    }
}
