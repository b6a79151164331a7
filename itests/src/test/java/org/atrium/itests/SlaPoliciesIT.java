package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

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
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;

/**
 * Service-level policies in the real distribution: the shipped descriptors' policies reach the
 * registry, and a department's factory configuration org.atrium.sla (etc/org.atrium.sla-*.cfg)
 * changes the policy in force without a restart, a bad value refused and the rest applied. The
 * policies service is core-internal (the SLA engine uses it), so the probe calls it by reflection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SlaPoliciesIT extends AtriumTestSupport {
    private static final String POLICIES = "org.atrium.core.internal.sla.SlaPolicies";

    @Inject
    private RequestTypeRegistry registry;

    @Before
    public void ready() throws Exception {
        waitUntil("the shipped types", Duration.ofSeconds(30), () -> registry.find("it.incident").isPresent()
                && registry.find("hr.leave").isPresent() && registry.find("facility.task").isPresent());
        waitUntil("the SLA policies service", Duration.ofSeconds(30), () -> bundleContext.getServiceReference(POLICIES) != null);
    }

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
