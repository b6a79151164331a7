package org.atrium.api.kpi;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /kpis}: the range and grouping used, the rows, the backlog now and MTBF per service. */
public record KpiReport(LocalDate from, LocalDate to, String period, String zone, List<String> departments, List<KpiRow> rows,
        List<BacklogBucket> backlog, List<ServiceMtbf> mtbf) {
    public KpiReport {
        departments = List.copyOf(departments);
        rows = List.copyOf(rows);
        backlog = List.copyOf(backlog);
        mtbf = List.copyOf(mtbf);
    }
}
