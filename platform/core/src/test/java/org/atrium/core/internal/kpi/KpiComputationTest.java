package org.atrium.core.internal.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atrium.api.kpi.BacklogBucket;
import org.atrium.api.kpi.KpiQuery;
import org.atrium.api.kpi.KpiRow;
import org.atrium.api.kpi.ServiceMtbf;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each KPI of docs/kpis.md against a small hand-made history (KpiFixture), on Derby and PostgreSQL.
 * The range is March 2026 in Europe/Berlin (2026-02-28T23:00Z to 2026-03-31T22:00Z); "now" is
 * 2026-03-20T12:00Z. The tickets (IT incidents of priority P3 unless said otherwise; times UTC):
 * <pre>
 * 1 created 03-02 08:00; public answer by ina 09:00; in-progress 10:00; resolved 12:00.
 *   clocks first-response met at 09:00 (3600 s), resolution met at 12:00 (10800 s business). Rated 5. Service vpn.
 * 2 created 03-03 08:00; in-progress 10:00; resolved 14:00; reopened 03-04 08:00; resolved 03-04 10:00.
 *   clock resolution breached at 03-04 10:00 (36000 s); no first-response clock. Rated 2. Service vpn.
 * 3 created 03-05 08:00; handed from group servicedesk to network 09:00; in-progress 09:30; "fixed" (a
 *   state of category resolved) 11:00. No clocks. Rated 4. Service email.
 * 4 created 03-06 08:00, still open; a first-response clock past due but still running. Service vpn.
 * 5 created 02-20, resolved 02-21: before the range, counts nowhere (and its late rating neither: 02-22).
 * 6 an HR case created 03-10 08:00, resolved 03-10 09:00: only in HR's figures.
 * </pre>
 */
class KpiComputationTest {
    static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    static final LocalDate MARCH = LocalDate.parse("2026-03-01");
    private TestDatabases databases;

    @AfterEach
    void close() {
        if (databases != null) {
            databases.close();
        }
    }

    /** The states of the fixture: "fixed" is a state of category resolved, every other state is its own category. */
    static String category(String type, String state) {
        return "fixed".equals(state) ? "resolved" : state;
    }

    private KpiComputation open(Engine engine) throws Exception {
        databases = TestDatabases.open("kpis", engine);
        write(new KpiFixture(databases.dataSource()));
        return new KpiComputation(KpiComputationTest::category, List.of("it.incident"));
    }

    static void write(KpiFixture f) throws Exception {
        f.ticket(1, "it", "it.incident", 3, "p-anna", "2026-03-02T08:00:00Z", "resolved", "resolved", "2026-03-02T12:00:00Z",
                "{\"affectedService\":\"vpn\"}");
        f.history(1, "2026-03-02T09:00:00Z", "p-ina", "commented", "public", null, "1");
        f.transition(1, "2026-03-02T10:00:00Z", "p-ina", "open", "in-progress");
        f.transition(1, "2026-03-02T12:00:00Z", "p-ina", "in-progress", "resolved");
        f.clock(1, "first-response", "met", 3600, "2026-03-02T09:00:00Z");
        f.clock(1, "resolution", "met", 10800, "2026-03-02T12:00:00Z");
        f.rating(1, 5, "2026-03-03T08:00:00Z");

        f.ticket(2, "it", "it.incident", 3, "p-anna", "2026-03-03T08:00:00Z", "resolved", "resolved", "2026-03-04T10:00:00Z",
                "{\"affectedService\":\"vpn\"}");
        f.transition(2, "2026-03-03T10:00:00Z", "p-ina", "open", "in-progress");
        f.transition(2, "2026-03-03T14:00:00Z", "p-ina", "in-progress", "resolved");
        f.transition(2, "2026-03-04T08:00:00Z", "p-anna", "resolved", "in-progress");
        f.transition(2, "2026-03-04T10:00:00Z", "p-ina", "in-progress", "resolved");
        f.clock(2, "resolution", "breached", 36000, "2026-03-04T10:00:00Z");
        f.rating(2, 2, "2026-03-05T08:00:00Z");

        f.ticket(3, "it", "it.incident", 3, "p-anna", "2026-03-05T08:00:00Z", "fixed", "resolved", "2026-03-05T11:00:00Z",
                "{\"affectedService\":\"email\"}");
        f.history(3, "2026-03-05T09:00:00Z", "p-ina", "updated", "assignmentGroup", "servicedesk", "network");
        f.transition(3, "2026-03-05T09:30:00Z", "p-ina", "open", "in-progress");
        f.transition(3, "2026-03-05T11:00:00Z", "p-ina", "in-progress", "fixed");
        f.rating(3, 4, "2026-03-05T12:00:00Z");

        f.ticket(4, "it", "it.incident", 3, "p-anna", "2026-03-06T08:00:00Z", "open", "open", "2026-03-06T08:00:00Z",
                "{\"affectedService\":\"vpn\"}");
        f.clock(4, "first-response", "breached", 90000, null);

        f.ticket(5, "it", "it.incident", 3, "p-anna", "2026-02-20T08:00:00Z", "resolved", "resolved", "2026-02-21T08:00:00Z",
                "{\"affectedService\":\"vpn\"}");
        f.transition(5, "2026-02-21T08:00:00Z", "p-ina", "open", "resolved");
        f.rating(5, 1, "2026-02-22T08:00:00Z");

        f.ticket(6, "hr", "hr.case", 3, "p-anna", "2026-03-10T08:00:00Z", "resolved", "resolved", "2026-03-10T09:00:00Z", "{}");
        f.transition(6, "2026-03-10T09:00:00Z", "p-hanna", "open", "resolved");
    }

    private static KpiRange march(String period) {
        return KpiRange.of(new KpiQuery(null, null, null, period, MARCH, LocalDate.parse("2026-03-31"), null), NOW.atZone(
                java.time.ZoneOffset.UTC).toLocalDate(), new ArrayList<>());
    }

    private List<KpiRow> rows(KpiComputation kpis, KpiScope scope, KpiRange range) {
        return databases.database().read(em -> kpis.rows(em, scope, range));
    }

    private KpiRow itMarch(KpiComputation kpis) {
        List<KpiRow> rows = rows(kpis, new KpiScope(List.of("it"), null, null), march("month"));
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void openedResolvedAndGrowthCountTheRangeOnly(Engine engine) throws Exception {
        KpiRow it = itMarch(open(engine));
        assertEquals(new KpiTally.Group(MARCH, "it", "it.incident", "P3"),
                new KpiTally.Group(it.periodStart(), it.department(), it.type(), it.priority()));
        assertEquals(4, it.opened(), "tickets 1-4; 5 was created in February");
        assertEquals(3, it.resolved(), "1, 2 (finally on 03-04), 3 (\"fixed\" is a resolved state)");
        assertEquals(1, it.backlogGrowth(), "4 - 3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void mttrInBusinessTimeIsTheResolutionClocksCountAndInWallClockTimeCreationToFinalResolution(Engine engine) throws Exception {
        KpiRow it = itMarch(open(engine));
        assertEquals(2, it.mttrBusinessCount(), "ticket 3 has no clock");
        assertEquals(23400.0, it.mttrBusinessSeconds(), "(10800 + 36000) / 2");
        assertEquals(39600.0, it.mttrWallSeconds(), "(4 h + 26 h + 3 h) / 3 = (14400 + 93600 + 10800) / 3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void mttaUsesTheFirstResponseClockElseTheFirstAnswerOrWorkInTheHistory(Engine engine) throws Exception {
        KpiRow it = itMarch(open(engine));
        assertEquals(3, it.acknowledged(), "ticket 4 was never answered");
        assertEquals(5400.0, it.mttaSeconds(), "(1 h by the clock + 2 h to in-progress + 1.5 h to in-progress) / 3 = 16200 / 3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void firstTimeFixExcludesReopenedAndHandedOverTicketsAndReopenRateCountsReopens(Engine engine) throws Exception {
        KpiRow it = itMarch(open(engine));
        assertEquals(1, it.firstTimeFixed(), "only ticket 1: 2 was reopened, 3 changed groups");
        assertEquals(1.0 / 3, it.firstTimeFixRate(), 1e-9);
        assertEquals(1, it.reopened());
        assertEquals(1.0 / 3, it.reopenRate(), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void slaComplianceCountsClocksThatEndedPerClock(Engine engine) throws Exception {
        KpiRow it = itMarch(open(engine));
        assertEquals(2, it.slaMet(), "1's first response and resolution");
        assertEquals(1, it.slaBreached(), "2's resolution; 4's breached clock still runs and has not ended");
        assertEquals(2.0 / 3, it.slaCompliance(), 1e-9);
        assertEquals(Map.of("first-response", new KpiRow.ClockCompliance(1, 0, 1.0), "resolution", new KpiRow.ClockCompliance(1, 1, 0.5)),
                it.slaByClock());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void csatIsTheMeanScoreAndTheShareOfFoursAndFivesOfTheRatingsGivenInTheRange(Engine engine) throws Exception {
        KpiRow it = itMarch(open(engine));
        assertEquals(3, it.ratings(), "5, 2, 4; the February rating of 5 is outside");
        assertEquals(11.0 / 3, it.csatMean(), 1e-9);
        assertEquals(2.0 / 3, it.csatSatisfiedShare(), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void periodsCutByDayInTheZone(Engine engine) throws Exception {
        KpiComputation kpis = open(engine);
        List<KpiRow> rows = rows(kpis, new KpiScope(List.of("it"), null, null), march("day"));
        KpiRow fourth = rows.stream().filter(r -> r.periodStart().equals(LocalDate.parse("2026-03-04"))).findFirst().orElseThrow();
        assertEquals(1, fourth.resolved(), "ticket 2's final resolution");
        assertEquals(0, fourth.opened());
        assertEquals(List.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"),
                rows.stream().map(r -> r.periodStart().toString()).toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filtersByDepartmentTypeAndPriority(Engine engine) throws Exception {
        KpiComputation kpis = open(engine);
        List<KpiRow> hr = rows(kpis, new KpiScope(List.of("hr"), null, null), march("month"));
        assertEquals(1, hr.size());
        assertEquals(1, hr.get(0).resolved());
        assertEquals(3600.0, hr.get(0).mttrWallSeconds());
        assertEquals(List.of(), rows(kpis, new KpiScope(List.of("it", "hr"), null, 1), march("month")), "no P1 tickets");
        assertEquals(List.of("hr"), rows(kpis, new KpiScope(List.of("it", "hr"), "hr.case", null), march("month")).stream()
                .map(KpiRow::department).toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void backlogIsTheOpenTicketsNowByAge(Engine engine) throws Exception {
        KpiComputation kpis = open(engine);
        List<BacklogBucket> backlog = databases.database().read(em -> kpis.backlog(em, new KpiScope(List.of("it", "hr"), null, null), NOW));
        assertEquals(List.of(new BacklogBucket("it", "it.incident", "P3", "7-30d", 1)), backlog, "ticket 4, 14 days old");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void mtbfPerServiceIsTheSpanBetweenItsFirstAndLastIncidentOverTheGaps(Engine engine) throws Exception {
        KpiComputation kpis = open(engine);
        List<ServiceMtbf> mtbf = databases.database().read(em -> kpis.mtbf(em, new KpiScope(List.of("it"), null, null), march("month")));
        assertEquals(2, mtbf.size());
        assertEquals(new ServiceMtbf("email", 1, null), mtbf.get(0));
        assertEquals(new ServiceMtbf("vpn", 3, 172800.0), mtbf.get(1), "03-02 08:00 to 03-06 08:00 = 345600 s over 2 gaps");
    }
}
