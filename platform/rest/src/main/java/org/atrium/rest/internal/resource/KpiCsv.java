package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.atrium.api.kpi.KpiReport;
import org.atrium.api.kpi.KpiRow;

/** A report's rows as CSV (RFC 4180): a header row, one line per group; an empty cell where a mean has no cases. */
final class KpiCsv {
    static final String HEADER = "period_start,department,type,priority,opened,resolved,backlog_growth,mttr_business_seconds,"
            + "mttr_business_count,mttr_wall_seconds,acknowledged,mtta_seconds,first_time_fixed,first_time_fix_rate,reopened,reopen_rate,"
            + "sla_met,sla_breached,sla_compliance,sla_by_clock,ratings,csat_mean,csat_satisfied_share";

    private KpiCsv() {
    }

    static String of(KpiReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (KpiRow r : report.rows()) {
            String clocks = r.slaByClock().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue().met() + "/" + e.getValue().breached()).collect(Collectors.joining(";"));
            List<Object> cells = List.of(r.periodStart(), r.department(), r.type(), r.priority(), r.opened(), r.resolved(), r.backlogGrowth(),
                    number(r.mttrBusinessSeconds()), r.mttrBusinessCount(), number(r.mttrWallSeconds()), r.acknowledged(),
                    number(r.mttaSeconds()), r.firstTimeFixed(), number(r.firstTimeFixRate()), r.reopened(), number(r.reopenRate()),
                    r.slaMet(), r.slaBreached(), number(r.slaCompliance()), clocks, r.ratings(), number(r.csatMean()),
                    number(r.csatSatisfiedShare()));
            csv.append(cells.stream().map(cell -> quoted(String.valueOf(cell))).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Quotes a cell that holds a comma, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets. */
    private static String quoted(String cell) {
        String safe = !cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
