package org.atrium.core.internal.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.atrium.api.kpi.KpiRow;

/** Sums per group (period, department, type, priority) that become the rows of a report. */
final class KpiTally {
    record Group(LocalDate periodStart, String department, String type, String priority) {
    }

    private static final Comparator<Group> ORDER = Comparator.comparing(Group::periodStart).thenComparing(Group::department)
            .thenComparing(Group::type).thenComparing(Group::priority);

    /** The running sums of one group. */
    static final class Sums {
        long opened;
        long resolved;
        long businessSeconds;
        long businessCount;
        long wallSeconds;
        long acknowledged;
        long ackSeconds;
        long firstTimeFixed;
        long reopened;
        long ratings;
        long scoreSum;
        long satisfied;
        final Map<String, long[]> clocks = new TreeMap<>(); // clock key -> {met, breached}
    }

    private final Map<Group, Sums> groups = new TreeMap<>(ORDER);

    Sums at(Group group) {
        return groups.computeIfAbsent(group, g -> new Sums());
    }

    List<KpiRow> rows() {
        List<KpiRow> rows = new ArrayList<>();
        groups.forEach((group, s) -> {
            Map<String, KpiRow.ClockCompliance> byClock = new TreeMap<>();
            long met = 0;
            long breached = 0;
            for (Map.Entry<String, long[]> clock : s.clocks.entrySet()) {
                long m = clock.getValue()[0];
                long b = clock.getValue()[1];
                byClock.put(clock.getKey(), new KpiRow.ClockCompliance(m, b, ratio(m, m + b)));
                met += m;
                breached += b;
            }
            rows.add(new KpiRow(group.periodStart(), group.department(), group.type(), group.priority(), s.opened, s.resolved,
                    s.opened - s.resolved, ratio(s.businessSeconds, s.businessCount), s.businessCount, ratio(s.wallSeconds, s.resolved),
                    s.acknowledged, ratio(s.ackSeconds, s.acknowledged), s.firstTimeFixed, ratio(s.firstTimeFixed, s.resolved), s.reopened,
                    ratio(s.reopened, s.resolved), met, breached, ratio(met, met + breached), byClock, s.ratings,
                    ratio(s.scoreSum, s.ratings), ratio(s.satisfied, s.ratings)));
        });
        return rows;
    }

    /** A mean or share, null when there is nothing to divide by. */
    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
