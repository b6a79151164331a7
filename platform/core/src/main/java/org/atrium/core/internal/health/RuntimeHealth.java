package org.atrium.core.internal.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.health.ComponentHealth;
import org.atrium.api.health.HealthIndicator;
import org.atrium.core.internal.worker.PollingWorker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The parts of core a node cannot serve without, besides its database: the request-type extender
 * (registered only while its bundle tracker runs, so its presence is the check) and the background
 * threads of the durable scheduler and the outbox (alive and coming round their loop).
 */
@Component(service = HealthIndicator.class)
public class RuntimeHealth implements HealthIndicator {
    /** Longer than any run should take: a thread that has not come round its loop for this long hangs. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    static final Map<String, String> WORKERS = Map.of("scheduler", "atrium-scheduler", "outbox", "atrium-outbox");
    private final RequestTypeRegistry types;

    @Activate
    public RuntimeHealth(@Reference RequestTypeRegistry types) {
        this.types = types;
    }

    @Override
    public List<ComponentHealth> check() {
        List<ComponentHealth> checks = new ArrayList<>();
        checks.add(new ComponentHealth("extender", true,
                types.all().size() + " request types, " + types.refused().size() + " refused descriptors"));
        Map<String, PollingWorker> started = PollingWorker.started();
        WORKERS.forEach((name, thread) -> {
            PollingWorker worker = started.get(thread);
            String problem = worker == null ? "its thread " + thread + " is not running" : worker.problem(STUCK_AFTER);
            checks.add(new ComponentHealth(name, problem == null, problem == null ? "running" : problem));
        });
        return checks;
    }
}
