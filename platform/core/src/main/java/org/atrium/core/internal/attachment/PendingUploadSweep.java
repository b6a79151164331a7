package org.atrium.core.internal.attachment;

import java.time.Clock;
import java.time.Duration;

import org.atrium.core.internal.persistence.Database;
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
 * Deletes uploads that no ticket took (POST /attachments, then no ticket named them) once they are older
 * than {@code pendingUploadHours}. Every node may sweep: a row deleted twice is deleted once. A
 * {@link PollingWorker} runs it, so a failed sweep is retried at the next poll and the health check
 * sees a sweep that hangs.
 */
@Component(immediate = true, configurationPid = "org.atrium.attachments", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PendingUploadSweep.Config.class)
public class PendingUploadSweep {
    private static final Logger LOG = LoggerFactory.getLogger(PendingUploadSweep.class);

    @ObjectClassDefinition(name = "Atrium uploads before their ticket")
    public @interface Config {
        @AttributeDefinition(description = "Hours an upload waits for a ticket to name it (POST /attachments) before it is deleted")
        int pendingUploadHours() default 24;

        @AttributeDefinition(description = "Seconds between two sweeps for uploads no ticket took")
        int pendingUploadSweepSeconds() default 600;
    }

    private final PollingWorker worker;

    @Activate
    public PendingUploadSweep(@Reference Database db, Config config) {
        Clock clock = Clock.systemUTC();
        Duration kept = Duration.ofHours(Math.max(1, config.pendingUploadHours()));
        worker = PollingWorker.start("atrium-upload-sweep", limit -> {
            int deleted = db.inTransaction(em -> PendingUploads.sweep(em, clock.instant().minus(kept), limit));
            if (deleted > 0) {
                LOG.info("Deleted {} uploads that no ticket took within {} hours", deleted, kept.toHours());
            }
            return deleted;
        }, Duration.ofSeconds(Math.max(1, config.pendingUploadSweepSeconds())));
    }

    @Deactivate
    void stop() {
        worker.stop();
    }
}
