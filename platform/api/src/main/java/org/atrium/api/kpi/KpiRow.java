package org.atrium.api.kpi;

import java.time.LocalDate;
import java.util.Map;

/**
 * The figures of one group: a period, a department, a request type and a priority. Counts come with
 * every mean and rate, so that groups can be added up again; a mean or rate of no cases is null.
 *
 * @param periodStart         first day of the period
 * @param department          the tickets' department
 * @param type                their request type
 * @param priority            their priority (P1..P4)
 * @param opened              tickets created in the period
 * @param resolved            tickets whose final resolution fell in the period
 * @param backlogGrowth       opened minus resolved
 * @param mttrBusinessSeconds mean business time to resolve (the resolution clock's count), of {@code mttrBusinessCount} tickets
 * @param mttrBusinessCount   resolved tickets with a resolution clock
 * @param mttrWallSeconds     mean wall-clock time from creation to final resolution, of the resolved tickets
 * @param acknowledged        tickets acknowledged in the period
 * @param mttaSeconds         mean wall-clock time from creation to acknowledgement
 * @param firstTimeFixed      resolved tickets never reopened and never handed to another group
 * @param firstTimeFixRate    firstTimeFixed / resolved
 * @param reopened            resolved tickets that were reopened at least once
 * @param reopenRate          reopened / resolved
 * @param slaMet              clocks that stopped in the period within target
 * @param slaBreached         clocks that stopped in the period past target
 * @param slaCompliance       met / (met + breached)
 * @param slaByClock          the same per clock key
 * @param ratings             ratings given in the period
 * @param csatMean            their mean score (1..5)
 * @param csatSatisfiedShare  share of ratings of 4 or 5
 */
public record KpiRow(LocalDate periodStart, String department, String type, String priority, long opened, long resolved, long backlogGrowth,
        Double mttrBusinessSeconds, long mttrBusinessCount, Double mttrWallSeconds, long acknowledged, Double mttaSeconds,
        long firstTimeFixed, Double firstTimeFixRate, long reopened, Double reopenRate, long slaMet, long slaBreached, Double slaCompliance,
        Map<String, ClockCompliance> slaByClock, long ratings, Double csatMean, Double csatSatisfiedShare) {
    public KpiRow {
        slaByClock = Map.copyOf(slaByClock);
    }

    /** One clock key's compliance: met / (met + breached), null when none ended. */
    public record ClockCompliance(long met, long breached, Double compliance) {
    }
}
