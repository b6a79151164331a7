package org.atrium.browser;

import java.io.IOException;
import java.nio.file.Path;

import org.atrium.browser.harness.AtriumDistribution;

/**
 * A queue with a breached ticket needs a clock that runs out while the tests run: the IT
 * department's override (etc/org.atrium.sla-it.cfg, as a department admin would set it) gives P1
 * incidents, on the round-the-clock calendar, a resolution target of a few seconds. Only the ticket
 * the queue flow creates for it is a P1 incident.
 */
final class BreachingIncidents {
    static final String RESOLUTION_TARGET = "PT8S";

    private BreachingIncidents() {
    }

    static void configure(Path home) throws IOException {
        Path sla = home.resolve("etc/org.atrium.sla-it.cfg");
        AtriumDistribution.setProperty(sla, "it.incident.calendar.P1", "24x7");
        AtriumDistribution.setProperty(sla, "it.incident.resolution.P1", RESOLUTION_TARGET);
    }
}
