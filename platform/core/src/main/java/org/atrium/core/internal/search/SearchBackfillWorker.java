package org.atrium.core.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.health.ComponentHealth;
import org.atrium.api.health.HealthIndicator;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.privacy.FieldKinds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SearchBackfill} once at start on its own thread until it is done (logged every batch),
 * retrying after a failure; reports on {@code GET /health} whether the index is complete. Searches
 * work meanwhile: they find what is indexed so far.
 */
@Component(service = HealthIndicator.class, immediate = true)
public class SearchBackfillWorker implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(SearchBackfillWorker.class);
    static final int BATCH = 500;
    private final Database db;
    private final FieldKinds kinds;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "atrium-search-backfill");
        worker.setDaemon(true);
        return worker;
    });
    private volatile String state = "search index: backfill starting";

    @Activate
    public SearchBackfillWorker(@Reference Database db, @Reference RequestTypeRegistry types) {
        this.db = db;
        this.kinds = new FieldKinds(types);
        thread.execute(this::run);
    }

    private void run() {
        long indexed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SearchBackfill.Progress progress = db.inTransaction(em -> SearchBackfill.batch(em, kinds, BATCH));
                indexed += progress.indexed();
                if (progress.finished()) {
                    state = "search index complete";
                    if (indexed > 0) {
                        LOG.info("Search index backfill done: {} tickets written before the index were indexed", indexed);
                    }
                    return;
                }
                state = "search index: backfill at ticket id " + progress.next() + ", " + indexed + " indexed by this node";
                LOG.info("Search index backfill: {} tickets indexed so far, next ticket id {}", indexed, progress.next());
            } catch (RuntimeException e) {
                state = "search index: backfill failed, retrying in 30 s: " + e.getMessage();
                LOG.warn("Search index backfill failed; retrying in 30 s: {}", e.toString());
                try {
                    TimeUnit.SECONDS.sleep(30);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public List<ComponentHealth> check() {
        List<ComponentHealth> checks = new ArrayList<>();
        checks.add(new ComponentHealth("search", true, state));
        return checks;
    }

    @Deactivate
    void stop() {
        thread.shutdownNow();
    }
}
