package org.atrium.core.internal.ticket;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    /** Tickets closed per round; a bigger backlog drains over the next rounds. */
    private static final int BATCH = 200;

    @ObjectClassDefinition(name = "Atrium workflow timers")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two looks for resolved tickets due to close by themselves")
        int autoCloseSweepSeconds() default 60;
    }

    private final ScheduledExecutorService timer;

    @Activate
    public AutoCloseSweep(@Reference DueTransitions due, Config config) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atrium-auto-close");
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = Clock.systemUTC();
        int every = Math.max(1, config.autoCloseSweepSeconds());
        timer.scheduleWithFixedDelay(() -> {
            try {
                int closed;
                do {
                    closed = due.closeDue(clock.instant(), BATCH);
                    if (closed > 0) {
                        LOG.info("Closed {} resolved tickets whose auto-close time had come", closed);
                    }
                } while (closed == BATCH);
            } catch (RuntimeException e) {
                LOG.warn("Auto-close sweep failed; the next one tries again: {}", e.toString());
            }
        }, 5, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
