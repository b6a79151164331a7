package org.atrium.core.internal.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.kpi.KpiQuery;
import org.atrium.api.kpi.KpiReport;
import org.atrium.api.kpi.KpiRow;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who reads which department's KPIs, and the parameters refused, over the fixture of KpiComputationTest (Derby). */
class KpiServiceImplTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller INA = Caller.of("ina", "employee", "agent-it");
    static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");
    static final Caller ADMIN = Caller.of("admin", "employee", "admin");
    static final LocalDate FROM = LocalDate.parse("2026-03-01");
    static final LocalDate TO = LocalDate.parse("2026-03-31");
    private static TestDatabases databases;
    private static KpiServiceImpl service;

    @BeforeAll
    static void open() throws Exception {
        databases = TestDatabases.open("kpiservice");
        KpiComputationTest.write(new KpiFixture(databases.dataSource()));
        service = new KpiServiceImpl(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT, TestCatalogs.HR_CASE),
                Clock.fixed(KpiComputationTest.NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    private static KpiQuery march(String department) {
        return new KpiQuery(department, null, null, "month", FROM, TO, null);
    }

    @Test
    void anEmployeeReadsNoKpis() {
        assertThrows(ForbiddenException.class, () -> service.report(ANNA, march(null)));
        assertThrows(ForbiddenException.class, () -> service.report(ANNA, march("it")));
    }

    @Test
    void anAgentReadsTheirDepartmentOnlyAndAnAdministratorEvery() {
        KpiReport ina = service.report(INA, march(null));
        assertEquals(List.of("it"), ina.departments());
        assertEquals(List.of("it"), ina.rows().stream().map(KpiRow::department).distinct().toList());
        assertThrows(ForbiddenException.class, () -> service.report(INA, march("hr")));
        KpiReport hanna = service.report(HANNA, march(null));
        assertEquals(List.of("hr"), hanna.rows().stream().map(KpiRow::department).distinct().toList());
        KpiReport admin = service.report(ADMIN, march(null));
        assertEquals(List.of("hr", "it"), admin.departments());
        assertEquals(List.of("hr", "it"), admin.rows().stream().map(KpiRow::department).distinct().toList());
        assertEquals(List.of("vpn", "email"), service.report(ADMIN, march("it")).mtbf().stream().map(m -> m.service()).sorted(
                java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void theDefaultsAreTheLastThreeMonthsByMonthInBerlin() {
        KpiReport report = service.report(INA, new KpiQuery(null, null, null, null, null, null, null));
        assertEquals(LocalDate.parse("2026-01-01"), report.from());
        assertEquals(LocalDate.parse("2026-03-20"), report.to());
        assertEquals("month", report.period());
        assertEquals("Europe/Berlin", report.zone());
    }

    @Test
    void badParametersAreNamed() {
        ValidationException refused = assertThrows(ValidationException.class, () -> service.report(INA,
                new KpiQuery("nosuch", "no.type", "P9", "year", TO, FROM, "Mars/Olympus")));
        assertEquals(List.of("period", "zone", "to", "department", "type", "priority"), refused.errors().stream().map(FieldError::field).toList());
        ValidationException tooLong = assertThrows(ValidationException.class, () -> service.report(INA,
                new KpiQuery(null, null, null, "day", LocalDate.parse("2024-01-01"), TO, null)));
        assertEquals(List.of("from"), tooLong.errors().stream().map(FieldError::field).toList());
    }
}
