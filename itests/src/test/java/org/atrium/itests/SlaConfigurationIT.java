package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.calendar.BusinessCalendars;
import org.atrium.api.calendar.HolidayCalendar;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.SlaPolicy;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;

/**
 * What only the container proves about the SLA's configuration (one container for calendars and
 * policies; they were CalendarsIT and SlaPoliciesIT).
 * <p>
 * Calendars: Jollyday reads its data through SPI Fly and JAXB inside Karaf, the shipped calendars
 * come from etc/, Config Admin edits take effect without a restart (and a bad one is refused), and
 * HR's working days over REST come from Jollyday.
 * <p>
 * Service-level policies: the shipped descriptors' policies reach the registry, and a department's
 * factory configuration org.atrium.sla (etc/org.atrium.sla-*.cfg) changes the policy in force
 * without a restart, a bad value refused and the rest applied. The policies service is
 * core-internal (the SLA engine uses it), so the probe calls it by reflection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SlaConfigurationIT extends AtriumTestSupport {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String POLICIES = "org.atrium.core.internal.sla.SlaPolicies";

    @Inject
    private BusinessCalendars calendars;

    @Inject
    private HolidayCalendar holidays;

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void shippedCalendarsAreRead() throws Exception {
        waitUntil("the shipped calendars", Duration.ofSeconds(30),
                () -> calendars.all().stream().map(BusinessCalendar::name).toList().containsAll(List.of("24x7", "de-be", "de-by", "de-hh")));
    }

    @Before
    public void shippedTypesAndPoliciesAreThere() throws Exception {
        waitUntil("the shipped types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent()
                && registry.find("hr.leave").isPresent() && registry.find("facility.task").isPresent());
        waitUntil("the SLA policies service", Duration.ofSeconds(30), () -> bundleContext.getServiceReference(POLICIES) != null);
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    public void jollydayAnswersInsideKarafThroughSpiFly() {
        Bundle spifly = Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.apache.aries.spifly.dynamic.bundle")).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, spifly.getState());
        assertTrue("Berlin's one-off holiday", holidays.isHoliday("DE-BE", LocalDate.parse("2025-05-08")));
        assertFalse(holidays.isHoliday("DE-BY", LocalDate.parse("2025-05-08")));
        assertTrue(holidays.isHoliday("DE-BY", LocalDate.parse("2026-01-06")));
        assertEquals("Heilige Drei Könige", holidays.holidays("DE-BY", 2026).stream()
                .filter(h -> h.date().equals(LocalDate.parse("2026-01-06"))).findFirst().orElseThrow().names().get("de"));
    }

    @Test
    public void shippedCalendars() {
        BusinessCalendar munich = calendars.find("de-by").orElseThrow();
        BusinessCalendar berlin = calendars.find("de-be").orElseThrow();
        assertEquals(BERLIN, munich.zone());
        // Monday 5 January 2026, 16:00, two hours: Epiphany is a day off in Bavaria only
        assertEquals(berlin("2026-01-07T09:00"), munich.plus(berlin("2026-01-05T16:00"), Duration.ofHours(2)));
        assertEquals(berlin("2026-01-06T09:00"), berlin.plus(berlin("2026-01-05T16:00"), Duration.ofHours(2)));
        // 24 and 31 December are the shipped closing days
        assertEquals(berlin("2026-12-28T09:00"), calendars.find("de-hh").orElseThrow()
                .plus(berlin("2026-12-23T16:00"), Duration.ofHours(2)));
        Instant start = Instant.parse("2026-12-31T23:30:00Z");
        assertEquals(start.plus(Duration.ofHours(2)), calendars.find("24x7").orElseThrow().plus(start, Duration.ofHours(2)));
    }

    @Test
    public void configurationChangesApplyWithoutARestartAndABadOneIsRefused() throws Exception {
        Configuration configuration = configurationAdmin.createFactoryConfiguration("org.atrium.calendar", "?");
        try {
            configuration.update(office("08:00-12:00, 13:00-17:00"));
            waitUntil("the new calendar", Duration.ofSeconds(30), () -> calendars.find("it-test").isPresent());
            assertEquals(berlin("2026-03-02T14:00"), find().plus(berlin("2026-03-02T11:00"), Duration.ofHours(2)));

            configuration.update(office("08:00-17:00"));
            waitUntil("the edit", Duration.ofSeconds(30),
                    () -> find().plus(berlin("2026-03-02T11:00"), Duration.ofHours(2)).equals(berlin("2026-03-02T13:00")));

            Dictionary<String, Object> bad = office("eight to five");
            configuration.update(bad);
            // the refused edit is logged; give Config Admin the time to deliver it, then nothing changed
            Thread.sleep(2000);
            assertEquals(berlin("2026-03-02T13:00"), find().plus(berlin("2026-03-02T11:00"), Duration.ofHours(2)));
        } finally {
            configuration.delete();
        }
        waitUntil("the calendar gone with its configuration", Duration.ofSeconds(30), () -> calendars.find("it-test").isEmpty());
    }

    @Test
    public void leaveRequestsCountWorkingDaysByTheRequestersState() throws Exception {
        waitUntil("the HR types", Duration.ofSeconds(30), () -> registry.find("hr.leave").isPresent());
        waitForApi();
        // the next 6 January on a weekday: a holiday for anna (Munich), not for ina (Berlin)
        LocalDate epiphany = LocalDate.of(LocalDate.now().getYear() + 1, 1, 6);
        while (epiphany.getDayOfWeek().getValue() > 5) {
            epiphany = epiphany.plusYears(1);
        }
        LocalDate monday = epiphany.with(DayOfWeek.MONDAY);
        Map<String, Object> period = Map.of("from", monday.toString(), "to", monday.plusDays(4).toString());
        for (String[] who : new String[][] {{"anna", "4"}, {"ina", "5"}}) {
            Reply filed = http("POST", "/tickets", who[0], Map.of("type", "hr.leave", "summary", "Week off",
                    "fields", Map.of("kind", "annual", "period", period)));
            assertEquals(filed.raw().body(), 201, filed.status());
            assertEquals(who[0], Integer.parseInt(who[1]), filed.body().get("fields").get("workingDays").asInt());
        }
    }

    private BusinessCalendar find() {
        Optional<BusinessCalendar> found = calendars.find("it-test");
        return found.orElseThrow();
    }

    private static Dictionary<String, Object> office(String hours) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "it-test");
        properties.put("zone", "Europe/Berlin");
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            properties.put(day, hours);
        }
        properties.put("country", "DE");
        properties.put("region", "DE-BY");
        return properties;
    }

    // ---- service-level policies ----

    @SuppressWarnings("unchecked")
    private SlaPolicy effective(RequestType type) throws Exception {
        ServiceReference<?> reference = bundleContext.getServiceReference(POLICIES);
        Object policies = bundleContext.getService(reference);
        try {
            Method effective = policies.getClass().getMethod("effective", RequestType.class);
            return ((Optional<SlaPolicy>) effective.invoke(policies, type)).orElseThrow();
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    @Test
    public void shippedTypesCarryTheirPolicies() throws Exception {
        SlaPolicy incident = registry.find("it.incident").orElseThrow().sla();
        assertEquals("de-be", incident.calendar());
        assertEquals("24x7", incident.calendarFor("P1"));
        assertEquals(List.of("first-response", "resolution"), incident.clocks().stream().map(ClockPolicy::key).toList());
        assertEquals(Duration.ofMinutes(15), incident.clocks().get(0).targets().get("P1"));
        assertEquals("de-by", registry.find("hr.leave").orElseThrow().sla().calendar());
        assertEquals("time-to-decision", registry.find("hr.leave").orElseThrow().sla().clocks().get(0).key());
        ClockPolicy approval = registry.find("it.change").orElseThrow().sla().clocks().get(0);
        assertEquals("time-to-approval", approval.key());
        assertTrue("awaiting-approval is pending, but the CAB's clock runs there", approval.pauseWhen().isNever());
        assertEquals("ola", registry.find("facility.task").orElseThrow().sla().clocks().get(0).kind());
        assertEquals("de-hh", registry.find("facility.task").orElseThrow().sla().calendar());
        // the shipped etc/org.atrium.sla-it.cfg overrides nothing
        assertEquals(incident, effective(registry.find("it.incident").orElseThrow()));
    }

    @Test
    public void aDepartmentsConfigurationAppliesWithoutRestart() throws Exception {
        RequestType incident = registry.find("it.incident").orElseThrow();
        RequestType request = registry.find("it.service-request").orElseThrow();
        Configuration configuration = configurationAdmin.getFactoryConfiguration("org.atrium.sla", "itest", "?");
        try {
            configuration.update(new Hashtable<>(Map.of("department", "it", "calendar", "de-hh", "warnAt", "100",
                    "it.incident.resolution.P2", "PT6H", "it.incident.resolution.P3", "P2D")));
            waitUntil("the override", Duration.ofSeconds(20), () -> target(incident, "P2").equals(Duration.ofHours(6)));
            SlaPolicy policy = effective(incident);
            assertEquals("de-hh", policy.calendar());
            assertEquals("the descriptor's P1 calendar stays", "24x7", policy.calendarFor("P1"));
            assertEquals("warnAt 100 is refused", 75, policy.warnPercent());
            assertEquals("P2D is refused", Duration.ofHours(27), target(incident, "P3"));
            assertEquals("every type of the department", "de-hh", effective(request).calendar());

            configuration.update(new Hashtable<>(Map.of("department", "it", "it.incident.resolution.P2", "PT5H", "warnAt", "80")));
            waitUntil("the edit", Duration.ofSeconds(20), () -> target(incident, "P2").equals(Duration.ofHours(5)));
            assertEquals(80, effective(incident).warnPercent());
            assertEquals("de-be", effective(incident).calendar());
            assertEquals("HR is another department", registry.find("hr.leave").orElseThrow().sla(),
                    effective(registry.find("hr.leave").orElseThrow()));
        } finally {
            configuration.delete();
        }
        waitUntil("the descriptor's target again", Duration.ofSeconds(20), () -> target(incident, "P2").equals(Duration.ofHours(9)));
        assertNotNull(effective(incident));
    }

    private Duration target(RequestType type, String priority) {
        try {
            return effective(type).clocks().stream().filter(c -> c.key().equals("resolution")).findFirst().orElseThrow()
                    .targets().get(priority);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
