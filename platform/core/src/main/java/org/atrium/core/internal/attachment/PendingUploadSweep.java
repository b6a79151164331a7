package org.atrium.core.internal.attachment;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atrium.core.internal.persistence.Database;
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
 * Deletes uploads that no ticket took (POST /attachments, then no ticket named them) once they are older
 * than {@code pendingUploadHours}. Every node may sweep: a row deleted twice is deleted once.
 */
@Component(immediate = true, configurationPid = "org.atrium.attachments", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PendingUploadSweep.Config.class)
public class PendingUploadSweep {
    private static final Logger LOG = LoggerFactory.getLogger(PendingUploadSweep.class);
    private static final int BATCH = 200;

    @ObjectClassDefinition(name = "Atrium uploads before their ticket")
    public @interface Config {
        @AttributeDefinition(description = "Hours an upload waits for a ticket to name it (POST /attachments) before it is deleted")
        int pendingUploadHours() default 24;

        @AttributeDefinition(description = "Seconds between two sweeps for uploads no ticket took")
        int pendingUploadSweepSeconds() default 600;
    }

    private final ScheduledExecutorService timer;

    @Activate
    public PendingUploadSweep(@Reference Database db, Config config) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atrium-upload-sweep");
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = Clock.systemUTC();
        Duration kept = Duration.ofHours(Math.max(1, config.pendingUploadHours()));
        timer.scheduleWithFixedDelay(() -> {
            try {
                int deleted;
                do {
                    deleted = db.inTransaction(em -> PendingUploads.sweep(em, clock.instant().minus(kept), BATCH));
                    if (deleted > 0) {
                        LOG.info("Deleted {} uploads that no ticket took within {} hours", deleted, kept.toHours());
                    }
                } while (deleted == BATCH);
            } catch (RuntimeException e) {
                LOG.warn("Sweep of uploads no ticket took failed; the next one tries again: {}", e.toString());
            }
        }, 30, Math.max(1, config.pendingUploadSweepSeconds()), TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
