package org.atrium.core.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.sla.ClockCondition;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.Escalation;
import org.atrium.api.sla.SlaPolicy;
import org.junit.jupiter.api.Test;

/** Department overrides as an admin writes them in etc/org.atrium.sla-<department>.cfg, applied to the descriptors' policies. */
class ConfiguredSlaPoliciesTest {
    private static final ClockPolicy FIRST = new ClockPolicy("first-response", Map.of("de", "Erste Antwort", "en", "First response"), null,
            Map.of("P1", Duration.ofMinutes(15), "P3", Duration.ofHours(4)), null, null, null, null, null, null, null);
    private static final ClockPolicy RESOLUTION = new ClockPolicy("resolution", Map.of("de", "Lösung", "en", "Resolution"), "sla",
            Map.of("P1", Duration.ofHours(4), "P2", Duration.ofHours(9), "P3", Duration.ofHours(27)), null,
            ClockCondition.categories("pending"), null, null, null, List.of(new Escalation("notify-role", "agent-it")),
            List.of(new Escalation("assign-group", "service-desk")));
    private static final SlaPolicy DECLARED = new SlaPolicy("de-be", Map.of("P1", "24x7"), 75, List.of(FIRST, RESOLUTION));
    private static final RequestType INCIDENT = type("it.incident", "it", DECLARED);
    private static final RequestType REQUEST = type("it.service-request", "it", DECLARED);
    private static final RequestType LEAVE = type("hr.leave", "hr", DECLARED);

    private static RequestType type(String key, String department, SlaPolicy sla) {
        return new RequestType(key, department, "incident", "X", Map.of("de", "X", "en", "X"), Map.of(), List.of(), 1, false, List.of(),
                List.of(), null, List.of(), "test", null, List.of(), List.of(), null, sla);
    }

    private static SlaConfiguration configuration(String... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", "org.atrium.sla.test");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new SlaConfiguration(properties);
    }

    private static ConfiguredSlaPolicies policies(SlaConfiguration... configurations) {
        ConfiguredSlaPolicies policies = new ConfiguredSlaPolicies();
        for (SlaConfiguration configuration : configurations) {
            policies.add(configuration);
        }
        return policies;
    }

    @Test
    void withoutConfigurationTheDescriptorsPolicyApplies() {
        ConfiguredSlaPolicies policies = policies();
        assertSame(DECLARED, policies.effective(INCIDENT).orElseThrow());
        assertTrue(policies.effective(type("it.none", "it", null)).isEmpty());
    }

    @Test
    void departmentWideAndPerTypeOverrides() {
        ConfiguredSlaPolicies policies = policies(configuration("department", "it", "calendar", "de-by", "warnAt", "80",
                "it.incident.calendar", "de-hh", "it.incident.calendar.P2", "24x7", "it.incident.warnAt", "60",
                "it.incident.resolution.P2", "PT6H", "it.incident.resolution.P4", "PT45H", "it.incident.first-response.P1", "PT30M"));
        SlaPolicy incident = policies.effective(INCIDENT).orElseThrow();
        assertEquals("de-hh", incident.calendar(), "the type's calendar beats the department's");
        assertEquals(Map.of("P1", "24x7", "P2", "24x7"), incident.calendarsByPriority(), "the descriptor's P1 calendar stays");
        assertEquals(60, incident.warnPercent());
        assertEquals(Map.of("P1", Duration.ofHours(4), "P2", Duration.ofHours(6), "P3", Duration.ofHours(27), "P4", Duration.ofHours(45)),
                incident.clocks().get(1).targets(), "P2 changed, P4 added, the rest as declared");
        assertEquals(Map.of("P1", Duration.ofMinutes(30), "P3", Duration.ofHours(4)), incident.clocks().get(0).targets());
        ClockPolicy resolution = incident.clocks().get(1);
        assertEquals(List.of(RESOLUTION.key(), RESOLUTION.names(), RESOLUTION.kind(), RESOLUTION.pauseWhen(), RESOLUTION.stopWhen(),
                RESOLUTION.onWarning(), RESOLUTION.onBreach()), List.of(resolution.key(), resolution.names(), resolution.kind(),
                resolution.pauseWhen(), resolution.stopWhen(), resolution.onWarning(), resolution.onBreach()), "only targets change");

        SlaPolicy request = policies.effective(REQUEST).orElseThrow();
        assertEquals("de-by", request.calendar(), "the department's calendar for every type of it");
        assertEquals(80, request.warnPercent());
        assertEquals(DECLARED.clocks(), request.clocks());

        assertSame(DECLARED, policies.effective(LEAVE).orElseThrow(), "another department's types are untouched");
    }

    @Test
    void departmentCalendarPerPriority() {
        SlaPolicy policy = policies(configuration("department", "it", "calendar.P1", "de-be", "calendar.P2", "24x7"))
                .effective(REQUEST).orElseThrow();
        assertEquals(Map.of("P1", "de-be", "P2", "24x7"), policy.calendarsByPriority());
        assertEquals("de-be", policy.calendar());
    }

    @Test
    void aBadKeyOrValueIsRefusedAndTheRestApplies() {
        SlaConfiguration configuration = configuration("department", "it", "calendar", "DE BY", "warnAt", "100",
                "it.incident.resolution.P2", "P1D", "it.incident.resolution.P5", "PT1H", "it.incident.first-response.P1", "soon",
                "hr.leave.resolution.P1", "PT1H", "colour", "red", "it.incident.warnAt", "x",
                "it.incident.resolution.P3", "PT20H", "it.incident.calendar.P1", "de-by");
        SlaOverrides overrides = configuration.overrides();
        assertNull(overrides.departmentWide().calendar());
        assertNull(overrides.departmentWide().warnPercent());
        assertEquals(java.util.Set.of("it.incident"), overrides.byType().keySet(), "hr.leave is not IT's");
        SlaPolicy incident = policies(configuration).effective(INCIDENT).orElseThrow();
        assertEquals(Map.of("P1", Duration.ofHours(4), "P2", Duration.ofHours(9), "P3", Duration.ofHours(20)),
                incident.clocks().get(1).targets());
        assertEquals(FIRST.targets(), incident.clocks().get(0).targets());
        assertEquals(Map.of("P1", "de-by"), incident.calendarsByPriority());
        assertEquals(75, incident.warnPercent());
        assertEquals("de-be", incident.calendar());
    }

    @Test
    void aConfigurationWithoutDepartmentAppliesNothing() {
        SlaConfiguration configuration = configuration("calendar", "de-by");
        assertNull(configuration.overrides());
        assertSame(DECLARED, policies(configuration).effective(INCIDENT).orElseThrow());
        assertNull(configuration("department", "IT Dept", "calendar", "de-by").overrides());
    }

    @Test
    void aTargetForAClockTheTypeDoesNotHaveIsIgnored() {
        SlaPolicy incident = policies(configuration("department", "it", "it.incident.time-to-approval.P1", "PT2H")).effective(INCIDENT)
                .orElseThrow();
        assertEquals(List.of("first-response", "resolution"), incident.clocks().stream().map(ClockPolicy::key).toList());
        assertEquals(DECLARED.clocks(), incident.clocks());
    }

    @Test
    void anEditAppliesAtTheNextQuestionAndARemovedFileNoLonger() {
        SlaConfiguration configuration = configuration("department", "it", "it.incident.resolution.P2", "PT6H");
        ConfiguredSlaPolicies policies = policies(configuration);
        assertEquals(Duration.ofHours(6), policies.effective(INCIDENT).orElseThrow().clocks().get(1).targets().get("P2"));
        configuration.modified(Map.of("department", "it", "it.incident.resolution.P2", "PT5H", "warnAt", "90"));
        assertEquals(Duration.ofHours(5), policies.effective(INCIDENT).orElseThrow().clocks().get(1).targets().get("P2"));
        assertEquals(90, policies.effective(INCIDENT).orElseThrow().warnPercent());
        policies.remove(configuration);
        assertSame(DECLARED, policies.effective(INCIDENT).orElseThrow());
    }

    @Test
    void twoFilesOfOneDepartmentAddUpAndTheFirstCountsForAKeyInBoth() {
        ConfiguredSlaPolicies policies = policies(
                configuration("department", "it", "it.incident.resolution.P2", "PT6H", "calendar", "de-by"),
                configuration("department", "it", "it.incident.resolution.P2", "PT7H", "it.incident.resolution.P3", "PT20H", "warnAt", "70"));
        SlaPolicy incident = policies.effective(INCIDENT).orElseThrow();
        assertEquals(Duration.ofHours(6), incident.clocks().get(1).targets().get("P2"));
        assertEquals(Duration.ofHours(20), incident.clocks().get(1).targets().get("P3"));
        assertEquals("de-by", incident.calendar());
        assertEquals(70, incident.warnPercent());
    }

    @Test
    void typeKeysWithSeveralDotsAndClockKeysWithDashes() {
        RequestType nested = type("it.sub.kind", "it", DECLARED);
        SlaPolicy policy = policies(configuration("department", "it", "it.sub.kind.first-response.P3", "PT2H30M",
                "it.sub.kind.calendar", "de-by")).effective(nested).orElseThrow();
        assertEquals(Duration.ofMinutes(150), policy.clocks().get(0).targets().get("P3"));
        assertEquals("de-by", policy.calendar());
    }
}
