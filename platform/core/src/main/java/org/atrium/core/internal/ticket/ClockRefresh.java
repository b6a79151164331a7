package org.atrium.core.internal.ticket;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an SLA policy override or a business calendar is saved, the open clocks are folded again from
 * their tickets' history, so their due times, timers and queue order follow the new rules at once
 * and no pause already counted is lost. Runs in the background, in batches, a few seconds after the
 * last of a burst of saves.
 */
@Component(immediate = true)
public class ClockRefresh implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClockRefresh.class);
    private static final int BATCH = 200;
    private static final long SETTLE_SECONDS = 3;
    private final OpenClocks clocks;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "atrium-clock-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;

    @Activate
    public ClockRefresh(@Reference OpenClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public synchronized void configurationEvent(ConfigurationEvent event) {
        String pid = event.getFactoryPid() != null ? event.getFactoryPid() : event.getPid();
        if (pid == null || !(pid.startsWith("org.atrium.sla") || pid.startsWith("org.atrium.calendar"))) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = worker.schedule(this::refreshAll, SETTLE_SECONDS, TimeUnit.SECONDS);
    }

    void refreshAll() {
        long after = 0;
        try {
            long last;
            while ((last = clocks.recompute(after, BATCH)) >= 0) {
                after = last;
            }
            LOG.info("SLA policies or calendars changed: open clocks recomputed (batches of {}, last ticket id {})", BATCH, after);
        } catch (RuntimeException e) {
            LOG.warn("Recomputing the open SLA clocks failed after ticket id {}; the next change of a policy tries again: {}", after,
                    e.toString());
        }
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }
}
