package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.time.Duration;

import org.atrium.core.internal.worker.PollingWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes resolved tickets whose auto-close time has come (the workflow state's
 * {@code autoClose.after}). The due time is stored and indexed, so a sweep reads only what is due,
 * and a ticket that fell due while the server was down closes at the first sweep after the start.
 */
@Component(immediate = true, configurationPid = "org.atrium.workflow", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AutoCloseSweep.Config.class)
public class AutoCloseSweep {
    private static final Logger LOG = LoggerFactory.getLogger(AutoCloseSweep.class);

    @ObjectClassDefinition(name = "Atrium workflow timers")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two looks for resolved tickets due to close by themselves")
        int autoCloseSweepSeconds() default 60;
    }

    private final PollingWorker worker;

    @Activate
    public AutoCloseSweep(@Reference DueTransitions due, Config config) {
        Clock clock = Clock.systemUTC();
        worker = PollingWorker.start("atrium-auto-close", limit -> {
            int closed = due.closeDue(clock.instant(), limit);
            if (closed > 0) {
                LOG.info("Closed {} resolved tickets whose auto-close time had come", closed);
            }
            return closed;
        }, Duration.ofSeconds(Math.max(1, config.autoCloseSweepSeconds())));
        worker.nudge(); // what fell due while the server was down closes now, not a poll later
    }

    @Deactivate
    void stop() {
        worker.stop();
    }
}
