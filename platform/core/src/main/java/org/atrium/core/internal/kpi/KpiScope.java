package org.atrium.core.internal.kpi;

import java.util.ArrayList;
import java.util.List;

/**
 * The ticket filter every KPI query shares (departments the caller may watch, optional type and
 * priority) as SQL with positional parameters, so that each query binds the same values.
 */
final class KpiScope {
    private final List<String> departments;
    private final String type;
    private final Integer priority;

    KpiScope(List<String> departments, String type, Integer priority) {
        this.departments = List.copyOf(departments);
        this.type = type;
        this.priority = priority;
    }

    /** " AND t.department IN (?, ?) AND t.type_key = ? ..." for the ticket alias {@code t}. */
    String where() {
        StringBuilder sql = new StringBuilder(" AND t.department IN (");
        for (int i = 0; i < departments.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(")");
        if (type != null) {
            sql.append(" AND t.type_key = ?");
        }
        if (priority != null) {
            sql.append(" AND t.priority = ?");
        }
        return sql.toString();
    }

    /** The values of {@link #where()}, in its order. */
    List<Object> parameters() {
        List<Object> values = new ArrayList<>(departments);
        if (type != null) {
            values.add(type);
        }
        if (priority != null) {
            values.add(priority);
        }
        return values;
    }

    List<String> departments() {
        return departments;
    }
}
